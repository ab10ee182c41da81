// Types shared by the incident workflow, its activities and the server.
// Everything here travels through Temporal history, so it carries ids and
// non-personal fields only: names, addresses, phone numbers, reporter names,
// alert bodies and free-text descriptions stay in SQLite.

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STAGES = ['triage', 'assessment', 'approval', 'notifying', 'reporting', 'closed', 'dismissed'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * How an incident came to light, as a code: free text ("IDS alert from host X, reported by ...")
 * can name people, so it stays in SQLite as the incident's detection note.
 */
export const DETECTION_METHODS = [
  'alert',
  'customer_report',
  'employee_report',
  'audit',
  'third_party',
  'law_enforcement',
  'researcher',
  'other',
] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export const DETECTION_METHOD_LABELS: Record<DetectionMethod, string> = {
  alert: 'Monitoring alert',
  customer_report: 'Customer report',
  employee_report: 'Employee report',
  audit: 'Audit or review',
  third_party: 'Third party (vendor, partner)',
  law_enforcement: 'Law enforcement',
  researcher: 'Security researcher',
  other: 'Other',
};

export const isDetectionMethod = (value: unknown): value is DetectionMethod =>
  typeof value === 'string' && (DETECTION_METHODS as readonly string[]).includes(value);

/**
 * A known code is kept; anything else (the free text older clients send) becomes `other`, and the
 * caller keeps the text as the detection note. Also used by the workflow on inputs from before the codes.
 */
export function toDetectionMethod(value: string): { code: DetectionMethod; note: string | null } {
  const trimmed = value.trim();
  if (isDetectionMethod(trimmed)) return { code: trimmed, note: null };
  return { code: 'other', note: trimmed === '' ? null : trimmed };
}

export type IncidentStatus = 'open' | 'closed' | 'dismissed';
export type Role = 'controller' | 'processor';
export type RiskLevel = 'none' | 'risk' | 'high_risk';
/**
 * How people are reached: `call` calls whoever is reachable only by phone; `sms_or_call` sends them an
 * SMS, or calls a landline (README, "Telephone calls").
 */
export type ChannelPolicy = 'email' | 'sms_fallback' | 'both' | 'call' | 'sms_or_call';
export type Channel = 'email' | 'sms';

export const AUDIENCES = ['regulator', 'individuals', 'media', 'credit_agencies', 'controller'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Who did something: a user id or a system component. Never a person's name. */
export interface Actor {
  kind: 'user' | 'token' | 'system' | 'webhook';
  id: string;
}

/** Arguments the incident workflow starts with. */
export interface IncidentInput {
  incidentId: string;
  createdAt: string;
  openedBy: Actor;
  severity: Severity;
  detectedAt: string;
  occurredAt?: string;
  /** A code; runs started before the codes may carry free text here, which the workflow reads as `other`. */
  detectionMethod: DetectionMethod;
  dataCategories: string[];
  /** Alert source when the incident was opened by a webhook. */
  source?: string;
}

/** Facts the rules engine needs; all of them are non-personal. */
export interface AssessmentFacts {
  /** id of the assessment row in SQLite holding the narrative and rationale. */
  assessmentId: string;
  dataElements: string[];
  encrypted: boolean;
  keyCompromised: boolean;
  role: Role;
  riskLevel: RiskLevel;
  /** Residence (ISO 3166-1 alpha-2 or ISO 3166-2) to number of people. */
  affected: Record<string, number>;
  sectors: string[];
  /** ids of controller rows in SQLite (processor role only). */
  controllerIds: string[];
  channelPolicy: ChannelPolicy;
  /** Number of records, when it differs from the number of people. */
  approximateRecords?: number;
}

export interface Hold {
  id: string;
  source: 'law_enforcement' | 'company';
  /** Agency and case reference live in SQLite (they can identify an investigation); the workflow keeps the id. */
  form: 'written' | 'oral';
  reviewEveryDays: number;
  placedAt: string;
  placedBy: Actor;
  releasedAt: string | null;
}

export type ObligationStatus = 'pending' | 'held' | 'sent' | 'filed' | 'not_required' | 'superseded' | 'manual';

/** One obligation as the rules engine returns it (see rules/README.md). */
export interface RuleObligation {
  id: string;
  regime: string;
  audience: Audience;
  recipient: string;
  required: boolean;
  dueAt: string | null;
  deadline: string;
  basis: string;
  why: string;
  content: string[];
  /** Content the law forbids in this notice (Massachusetts: the nature and the number affected). */
  contentProhibited?: string[];
  /** The channels that count as notice under the law (rules/types.ts NoticeChannels); absent where not modelled. */
  channels?: Readonly<Partial<Record<'email' | 'sms' | 'letter' | 'call', 'counts' | 'with_consent' | 'in_addition'>>>;
  /** Months of free identity-protection services the law asks the notice to offer. */
  creditMonitoringMonths?: number;
  holdMayDelay: boolean;
  /** Due now with no fixed date ("immediately", "without undue delay") since its clock started; see rules/types.ts. */
  dueNow?: boolean;
  clockStartedAt?: string;
  remindAt?: string;
  escalateAt?: string;
  metAt?: string;
  /** Catalog facts (not personal data) this obligation rests on that were not checked against the law's text. */
  unconfirmedFacts?: string[];
  /** The engine's verdict: the hold in force delays this obligation now (see rules/types.ts). */
  heldNow?: true;
  /** When the hold stops delaying it though nobody released it (an oral hold's cap). */
  heldUntil?: string;
  /** The law's order against the notice to individuals (a state police report before the residents' notice). */
  order?: 'beforeIndividuals' | 'withIndividuals' | 'afterIndividuals';
}

/** An obligation as the incident tracks it. */
export interface TrackedObligation extends RuleObligation {
  status: ObligationStatus;
  supersededReason?: string;
  fulfilledAt?: string;
  filingReference?: string;
}

export interface Approval {
  noticeVersion: string;
  approvedBy: Actor;
  approvedAt: string;
  /**
   * People imported after this approval are sent the approved content as they arrive (v2). The approver
   * can turn it off for an incident; absent means on.
   */
  notifyLaterImports?: boolean;
  /** People told an earlier version are sent this one as a correction (v2; absent means no). */
  correction?: boolean;
}

/** One data-subject notice wave of a v2 incident: a child workflow, tracked by id across continue-as-new. */
export interface WaveRef {
  waveId: string;
  noticeVersion: string;
  startedAt: string;
  /** The incident's import count when the wave started: people imported later need another wave. */
  importSeq: number;
  status: 'running' | 'paused' | 'finished';
  correction: boolean;
  endedAt?: string;
  /** Why a paused wave stopped: the gate closed for a hold, a withdrawn approval or the close. */
  pausedFor?: SendGateReason;
  summary?: NoticeWaveSummary;
}

/** Why the data-subject send gate is closed; null when it is open. */
export type SendGateReason = 'hold' | 'withdrawn' | 'not_approved' | 'closed' | 'ordering';

/** The gate every data-subject claim re-reads in SQLite (store/send-gates.ts). */
export interface SendGate {
  allowedVersion: string | null;
  reason: SendGateReason | null;
}

export interface NoticeSet {
  noticeVersion: string;
  recipients: number;
  renderedAt: string;
}

export interface DeliveryCounts {
  pending: number;
  claimed: number;
  sent: number;
  delivered: number;
  bounced: number;
  failed: number;
  uncertain: number;
  substitute: number;
}

/**
 * Determinations that start legal clocks other than awareness (issue 13; see rules/README.md, "Clocks"):
 * discovery, the determination that the breach is notifiable, and SEC's materiality determination.
 */
export interface Determinations {
  discoveredAt?: string;
  notifiableAt?: string;
  materialityAt?: string;
}

export interface IncidentState {
  incidentId: string;
  stage: Stage;
  status: IncidentStatus;
  stateVersion: number;
  input: IncidentInput;
  awarenessAt: string | null;
  /**
   * Absent in runs started before determinations were recorded: their clocks ran from awarenessAt.
   * `notifiableFromTriage` marks a notifiableAt taken from the triage confirmation, which follows a
   * later correction of awarenessAt; one recorded with its own reason does not.
   */
  determinations?: Determinations & { notifiableFromTriage?: boolean };
  facts: AssessmentFacts | null;
  subjects: { total: number; withEmail: number; withPhone: number; withoutContact: number };
  obligations: TrackedObligation[];
  catalogVersion: string | null;
  /** A newer rules catalog the worker now has; applied only when a person asks for a recompute. */
  availableCatalogVersion?: string | null;
  hold: Hold | null;
  notices: NoticeSet | null;
  approval: Approval | null;
  controllersNotifiedAt: string | null;
  /**
   * The controller set (ids, comma-joined) whose notice was tried and not confirmed sent; it is not
   * tried again until the set changes. Absent in runs from before the outcome was read.
   */
  controllerNoticeTriedFor?: string;
  subjectsNotifiedAt: string | null;
  substituteNoticeAt: string | null;
  alertCount: number;
  lastAlertAt: string | null;
  /** Recent alert ids, so a signal delivered twice (a healed webhook retry) counts once. */
  recentAlertIds: string[];
  /**
   * The highest intake sequence number applied: a batch re-sent after a forwarder crash, of any
   * size, applies only what lies above it. Absent in runs from before the intake buffer.
   */
  alertSeqApplied?: number;
  closedAt: string | null;
  /** Reminder keys already fired ("<obligationId>:<kind>:<dueAt>") so a re-armed deadline reminds again. */
  firedReminders: string[];
  nextHoldReviewAt: string | null;
  /** Answers of recent updates by update id, carried across continue-as-new for idempotency. */
  recentUpdates: Record<string, UpdateResult>;
  /** Supplementary reports requested and not yet sent (absent in runs from before they were sent after the update). */
  pendingSupplements?: PendingSupplement[];
  /** v2 from here on; absent in v1 runs. The registered workflow type running this incident. */
  workflowType?: string;
  /** Set on the first v2 run of an incident that started as v1. */
  migratedFrom?: string;
  /** Data-subject waves, newest last (v2). */
  waves?: WaveRef[];
  waveSeq?: number;
  /** Counts imports; a wave covers the people imported before it started (v2). */
  importSeq?: number;
  /** The rules' digest of each obligation this run received, so a recompute sends only changes (v2). */
  ruleDigests?: Record<string, string>;
  /** How many people got each notice version, as the last wave summaries counted them (v2). */
  sentByVersion?: Record<string, number>;
}

/** A supplementary report the update accepted; the workflow sends it after answering. */
export interface PendingSupplement {
  obligationId: string;
  informationNoteId: string;
  actor: Actor;
}

/** What every human-step update returns. */
export interface UpdateResult {
  incidentId: string;
  stage: Stage;
  stateVersion: number;
  [extra: string]: unknown;
}

// ---- Update payloads (validated by the server's schemas before they get here) ----

/** Added by the server to every human step: the caller's idempotency key and the moment it stops waiting. */
export interface RequestMeta {
  requestKey?: string;
  respondBy?: string;
}

export interface TriageRequest extends RequestMeta {
  decision: 'confirm' | 'dismiss';
  /** id of the free-text reason stored in SQLite (notes table). */
  reasonNoteId: string;
  awarenessAt?: string;
  actor: Actor;
}

export interface AwarenessChangeRequest extends RequestMeta {
  awarenessAt: string;
  reasonNoteId: string;
  actor: Actor;
}

export interface DeterminationRequest extends Determinations, RequestMeta {
  /** id of the note holding the reason (free text stays in SQLite). */
  reasonNoteId: string;
  actor: Actor;
}

export interface AssessmentRequest extends Omit<AssessmentFacts, 'channelPolicy'>, RequestMeta {
  channelPolicy?: ChannelPolicy;
  actor: Actor;
}

export interface SubjectsImportedRequest extends RequestMeta {
  importId: string;
  imported: number;
  rejected: number;
  actor: Actor;
}

export interface HoldRequest extends RequestMeta {
  holdId: string;
  source: 'law_enforcement' | 'company';
  form: 'written' | 'oral';
  reviewEveryDays: number;
  actor: Actor;
}

export interface HoldReleaseRequest extends RequestMeta {
  reasonNoteId: string;
  actor: Actor;
}

export interface ApprovalRequest extends RequestMeta {
  noticeVersion: string;
  noteId: string;
  actor: Actor;
  /** v2: send the approved content to people imported later (default true). */
  notifyLaterImports?: boolean;
  /** v2: also send this version, as a correction, to people told an earlier one (default false). */
  correction?: boolean;
  /**
   * Locales the approver chose to take their own language's built-in texts although free text was written
   * in another (issue 14); absent in requests from before, and when there is no such choice to make.
   */
  builtInTextLocales?: string[];
}

export interface FilingRequest extends RequestMeta {
  obligationId: string;
  referenceNoteId: string;
  late: boolean;
  delayReasonNoteId?: string;
  actor: Actor;
}

export interface SupplementRequest extends RequestMeta {
  obligationId: string;
  /** id of the note holding what the supplementary report adds (GDPR Art. 33(4)). */
  informationNoteId: string;
  actor: Actor;
}

export interface CloseRequest extends RequestMeta {
  summaryNoteId: string;
  actor: Actor;
}

export interface RecomputeRequest extends RequestMeta {
  /** id of the note holding the reason; histories from before carry the text as `reason`. */
  reasonNoteId: string;
  actor: Actor;
}

/** A v2 wave tells its incident how it ended (summary null when it failed). */
export interface WaveEndedSignal {
  waveId: string;
  summary: NoticeWaveSummary | null;
  stopped: boolean;
  failed: boolean;
}

export interface AlertSignal {
  alertId: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  receivedAt: string;
  /** The alert's place in its incident's intake buffer; absent on alerts signalled one by one before the buffer. */
  seq?: number;
}

/** Alerts the intake forwarder delivers in one signal, in ascending `seq`; ids only, never alert bodies. */
export interface AlertBatchSignal {
  alerts: Array<AlertSignal & { seq: number }>;
}

/** A timeline / audit event. `details` must not hold personal data. */
export interface TimelineEvent {
  incidentId: string;
  type: string;
  at: string;
  actor: Actor;
  summary: string;
  details?: Record<string, unknown>;
}

/** Outcome of a data-subject notice wave, counted from the outbox. */
export interface NoticeWaveSummary {
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
  possibleDuplicates: number;
  withoutContact: number;
  /**
   * Rows still pending or claimed when the wave was counted: 0 unless something is still sending them
   * (a late-bounce fallback). Absent from summaries recorded before it was counted.
   */
  unsettled?: number;
  /**
   * The wave stopped before reaching everyone: the incident's send gate (store/send-gates.ts) blocked
   * this version (a hold, a withdrawn approval, the close). Absent when the gate was open or there is none.
   */
  gated?: boolean;
}
