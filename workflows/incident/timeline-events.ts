// Every timeline event the incident workflow writes, by type, with the details each carries. The
// details reach the audit log (details_json) through persistState, so like the rest of history they
// hold ids, codes, counts and times, never personal data or free text (that stays in SQLite notes).
// INCIDENT_EVENT_TYPES lists the same types at runtime; test/workflows/timeline-events.test.ts checks
// the list against the union and against the event(...) calls in workflow.ts.
import type {
  AlertSignal,
  Determinations,
  DetectionMethod,
  NoticeSet,
  ObligationStatus,
  RiskLevel,
  Role,
  Severity,
  TimelineEvent,
} from '../types';

/**
 * One event type with its details; the rest of the fields are those of every TimelineEvent. A union
 * of types (`alert.${AlertAction}`) gives one member per type, so each narrows on its own.
 */
type Event<T extends string, D extends Record<string, unknown> | undefined> = T extends string
  ? Omit<TimelineEvent, 'type' | 'details'> & { type: T } & (undefined extends D ? { details?: D } : { details: D })
  : never;

/** An interface's fields as a plain object type, which (unlike the interface) fits Record<string, unknown>. */
type Plain<T> = { [K in keyof T]: T[K] };

type AlertAction = AlertSignal['action'];
type DeadlineKind = 'reminder' | 'escalation' | 'hold_review';

/** The counts of a send to processors' controllers (activities/notify-controllers.ts). */
type ControllerSendCounts = { sent: number; failed: number; uncertain: number };
/** Ids of an outbox row sent to, or made ready for, a regulator; null when nothing was queued. */
type RegulatorSend = { obligationId: string; outboxId: string | null };
type SupplementSend = RegulatorSend & { informationNoteId: string };

export type IncidentEvent =
  // ---- Opening, triage and the legal clock ----
  | Event<'incident.opened', { severity: Severity; detectionMethod: DetectionMethod; source: string | null }>
  | Event<'triage.dismissed', { reasonNoteId: string }>
  | Event<'triage.confirmed', { awarenessAt: string; reasonNoteId: string }>
  | Event<'awareness.changed', { from: string | null; to: string; reasonNoteId: string }>
  | Event<'determination.recorded', Plain<Determinations & { reasonNoteId: string }>>
  // ---- Scope, subjects, obligations ----
  | Event<
      'assessment.recorded',
      {
        role: Role;
        riskLevel: RiskLevel;
        dataElements: string[];
        affected: Record<string, number>;
        assessmentId: string;
      }
    >
  | Event<'subjects.imported', { importId: string; imported: number; rejected: number }>
  | Event<
      'obligations.recomputed',
      { catalogVersion: string; changed: { id: string; status: ObligationStatus; dueAt: string | null }[] }
    >
  | Event<'obligations.recompute_requested', { reasonNoteId: string }>
  | Event<'catalog.update_available', { catalogVersion: string; available: string }>
  // ---- Hold ----
  | Event<'hold.placed', { holdId: string; reviewEveryDays: number }>
  | Event<'hold.released', { holdId: string; reasonNoteId: string }>
  | Event<'hold.cap_expired', { holdId: string; obligationIds: string[] }>
  // ---- Notices and approval ----
  | Event<'notices.rendered', Plain<NoticeSet>>
  | Event<'approval.invalidated', { approved: string }>
  | Event<
      'notices.approved',
      // notifyLaterImports and correction from v2 on; builtInTextLocales only when the approver chose any.
      {
        noticeVersion: string;
        noteId: string;
        notifyLaterImports?: boolean;
        correction?: boolean;
        builtInTextLocales?: string[];
      }
    >
  // ---- Sends ----
  | Event<'controllers.notified', ControllerSendCounts>
  | Event<'controllers.notice_failed', ControllerSendCounts>
  | Event<
      'subjects.notified',
      // A NoticeWaveSummary; runs from before the fan-out recorded the send activity's result, without possibleDuplicates.
      {
        total: number;
        sent: number;
        failed: number;
        uncertain: number;
        withoutContact: number;
        possibleDuplicates?: number;
        unsettled?: number;
      }
    >
  | Event<'substitute.published', { url: string; locales: string[] }>
  | Event<'wave.started', { noticeVersion: string; waveId: string; correction: boolean }>
  | Event<
      'wave.paused',
      { noticeVersion: string; waveId: string; reason: 'hold' | 'withdrawn' | 'closed'; sent: number; unsent: number }
    >
  | Event<'wave.finished', { noticeVersion: string; waveId: string; sent: number; failed: number; uncertain: number }>
  // ---- Regulators ----
  | Event<'regulator.report_sent', RegulatorSend>
  | Event<'regulator.manual_filing', RegulatorSend>
  | Event<'regulator.report_failed', { obligationId: string; error: string }>
  | Event<'regulator.supplement_requested', { obligationId: string; informationNoteId: string }>
  | Event<'regulator.supplement_sent', SupplementSend>
  | Event<'regulator.supplement_ready', SupplementSend>
  | Event<
      'filing.recorded',
      { obligationId: string; referenceNoteId: string; late: boolean; delayReasonNoteId: string | null }
    >
  // ---- Alerts and timers (types built as `alert.${action}` and `deadline.${kind}`) ----
  | Event<`alert.${AlertAction}`, { alertId: string }>
  | Event<`deadline.${DeadlineKind}`, { obligationId: string | null; dueAt: string | null }>
  // ---- Stage, close, the workflow itself ----
  | Event<'stage.reporting', undefined>
  | Event<'incident.closed', { summaryNoteId: string }>
  | Event<'workflow.migrated', { from: string; to: string }>;

export type IncidentEventType = IncidentEvent['type'];

type InputOf<E> = E extends IncidentEvent ? Pick<E, 'type' | 'details'> : never;
/** What the workflow gives for one event: its type and typed details; the rest is filled in when it is recorded. */
export type IncidentEventInput = InputOf<IncidentEvent>;

/** The details of one event type: `DetailsOf<'hold.placed'>` is `{ holdId: string; reviewEveryDays: number }`. */
export type DetailsOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>['details'];

/** Every IncidentEventType once, at runtime (the exhaustiveness check below keeps it whole). */
export const INCIDENT_EVENT_TYPES = [
  'incident.opened',
  'triage.dismissed',
  'triage.confirmed',
  'awareness.changed',
  'determination.recorded',
  'assessment.recorded',
  'subjects.imported',
  'obligations.recomputed',
  'obligations.recompute_requested',
  'catalog.update_available',
  'hold.placed',
  'hold.released',
  'hold.cap_expired',
  'notices.rendered',
  'approval.invalidated',
  'notices.approved',
  'controllers.notified',
  'controllers.notice_failed',
  'subjects.notified',
  'substitute.published',
  'wave.started',
  'wave.paused',
  'wave.finished',
  'regulator.report_sent',
  'regulator.manual_filing',
  'regulator.report_failed',
  'regulator.supplement_requested',
  'regulator.supplement_sent',
  'regulator.supplement_ready',
  'filing.recorded',
  'alert.trigger',
  'alert.acknowledge',
  'alert.resolve',
  'deadline.reminder',
  'deadline.escalation',
  'deadline.hold_review',
  'stage.reporting',
  'incident.closed',
  'workflow.migrated',
] as const satisfies readonly IncidentEventType[];

/** Fails to compile when a type of the union is missing from INCIDENT_EVENT_TYPES. */
type Missing = Exclude<IncidentEventType, (typeof INCIDENT_EVENT_TYPES)[number]>;
const _exhaustive: [Missing] extends [never] ? true : { missing: Missing } = true;

/** Fails to compile when an event stops fitting TimelineEvent (what persistState takes). */
const _fitsTimeline: IncidentEvent extends TimelineEvent ? true : never = true;

export const isIncidentEventType = (value: unknown): value is IncidentEventType =>
  typeof value === 'string' && (INCIDENT_EVENT_TYPES as readonly string[]).includes(value);
