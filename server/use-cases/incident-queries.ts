// Reads for the API and pages, all from SQLite (the read model), never from a
// workflow query.
import { DATA_ELEMENTS, US_STATE_NAMES } from '../../rules';
import {
  DETECTION_METHOD_LABELS,
  isDetectionMethod,
  type IncidentState,
  type SendGateReason,
  type WaveRef,
} from '../../workflows/types';
import type { Db } from '../../store/connection';
import { listOutbox, type OutboxListing } from '../../store/outbox';
import { encodeOutboxCursor } from '../schemas';
import { deliverySnapshot } from './delivery-snapshot';
import { unfinishedImports } from '../../store/subject-imports';
import { deliveryTracking } from '../delivery-tracking';
import { getIncident, getNote, parseState } from '../../store/incident-store';
import {
  getAssessmentText,
  NARRATIVE_FIELDS,
  parseHeadlines,
  parseNarrativeJson,
  type NarrativeByLocale,
} from '../../store/assessments';
import { listSubjectLocales } from '../../store/subject-store';
import { LOCALES, normalizeLocale, type Locale } from '../../activities/render';
import { regulatorReportLocale } from '../../activities/render/report-locale';
import { NOTICE_TEXT_FIELDS, NOTICE_TEXT_KEYS, narrativeFieldName } from '../notice-text-change';
import { languageName } from './notice-languages';
import { listControllers } from '../../store/controllers';
import type { AuthUser } from '../auth';
import { notFound } from '../errors';
import { viewerOf } from './incident-access';
import { listIncidentRows } from '../../store/incident-list';
import { listObligations } from '../../store/incident-obligations';
import { actorNames, timelineRows } from '../../store/timeline';
import { actorLabel } from '../../lib/actor-label';
import { latestHold } from '../../store/holds';
import { listNotices } from '../../store/notices';
import { listPublishedNotices } from '../../store/published-notices';
import { reportHtml } from '../../store/reports';
import { readSendGate, type SendGateRow } from '../../store/send-gates';
import { nowIso } from '../../lib/clock';
import { elapsedSince, isCounting, isDueNow, isMet } from '../../lib/obligation-urgency';

export interface ObligationView {
  id: string;
  regime: string;
  audience: string;
  recipient: string;
  required: boolean;
  dueAt: string | null;
  deadline: string;
  status: string;
  basis: string;
  why: string;
  content: string[];
  holdMayDelay: boolean;
  supersededReason: string | null;
  fulfilledAt: string | null;
  /** Due now with no fixed date, and still to meet (pending or manual). */
  dueNow: boolean;
  /** When the obligation's clock started (awareness, discovery, the determination ...), when the rules know it. */
  clockStartedAt: string | null;
  /** Hints for a due-now obligation: remind and escalate at these instants. */
  remindAt: string | null;
  escalateAt: string | null;
  /** When the notice that fulfils it went out, as the rules saw it. */
  metAt: string | null;
  /** Catalog facts this obligation rests on that were not checked against the law's text: check before relying on it. */
  unconfirmedFacts: string[];
  /** Still counting down (pending, manual, held); a met or stopped obligation is never overdue. */
  counting: boolean;
  /** Sent or filed. */
  met: boolean;
  /** "1 day 6 hours" since the clock started, for a due-now obligation; null otherwise. */
  elapsed: string | null;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  /** Who, as a person reads it: a name, "API token …", "Breachline (automatic)". */
  actor: string;
  /** The chain's "kind:id", for audit. */
  actorId: string;
  summary: string;
}

export interface IncidentFilters {
  status?: string;
  stage?: string;
  severity?: string;
  /** Only incidents with a required obligation past its due time and still open. */
  overdue?: boolean;
  /** Matches the title or the reference. */
  q?: string;
  limit?: number;
}

/** Incidents the user may see (restricted ones only for members and admins), newest first. */
export async function listIncidents(db: Db, visibleTo: AuthUser, filters: IncidentFilters = {}) {
  const rows = await listIncidentRows(db, viewerOf(visibleTo), {
    status: filters.status,
    stage: filters.stage,
    severity: filters.severity,
    overdueAt: filters.overdue ? nowIso() : undefined,
    q: filters.q,
    limit: filters.limit ?? 200,
  });
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity,
    stage: row.stage,
    status: row.status,
    /** The dashboard's colours: red when due now or past, amber within a day. */
    urgency:
      row.due_now_since !== null || (row.next_due !== null && Date.parse(row.next_due) < now)
        ? 'overdue-row'
        : row.next_due !== null && Date.parse(row.next_due) - now <= 24 * 3600_000
          ? 'due-soon-row'
          : '',
    createdAt: row.created_at,
    awarenessAt: row.awareness_at,
    alertCount: row.alert_count,
    nextDueAt: row.next_due,
    /** A duty with no date is due now: listed before any date, with when its clock started (null if unknown). */
    dueNow: row.due_now_since !== null,
    dueNowSince: row.due_now_since || null,
    restricted: row.restricted === 1,
  }));
}

export async function obligationsOf(db: Db, incidentId: string): Promise<ObligationView[]> {
  const rows = await listObligations(db, incidentId);
  return rows.map((obligation) => ({
    id: obligation.id,
    regime: obligation.regime,
    audience: obligation.audience,
    recipient: obligation.recipient,
    required: obligation.required === 1,
    dueAt: obligation.due_at,
    deadline: obligation.deadline,
    status: obligation.status,
    basis: obligation.basis,
    why: obligation.why,
    content: JSON.parse(obligation.content_json) as string[],
    holdMayDelay: obligation.hold_may_delay === 1,
    supersededReason: obligation.superseded_reason,
    fulfilledAt: obligation.fulfilled_at,
    dueNow: isDueNow(obligation.due_now === 1, obligation.status),
    clockStartedAt: obligation.clock_started_at,
    remindAt: obligation.remind_at,
    escalateAt: obligation.escalate_at,
    metAt: obligation.met_at,
    unconfirmedFacts: JSON.parse(obligation.unconfirmed_facts_json) as string[],
    counting: isCounting(obligation.status),
    met: isMet(obligation.status),
    elapsed:
      isDueNow(obligation.due_now === 1, obligation.status) && obligation.clock_started_at
        ? elapsedSince(obligation.clock_started_at)
        : null,
  }));
}

export async function timelineOf(db: Db, incidentId: string): Promise<TimelineEntry[]> {
  // People by name, the system in words; the chain's "kind:id" stays as actorId for audit.
  const [rows, names] = await Promise.all([timelineRows(db, incidentId), actorNames(db, incidentId)]);
  return rows.map((entry) => ({
    ...entry,
    actor: actorLabel(entry.actor, names),
    actorId: entry.actor,
  }));
}

/** One data-subject notice wave of a v2 incident, as the API and the page show it. */
export interface WaveView {
  waveId: string;
  noticeVersion: string;
  status: WaveRef['status'];
  /** Why a paused wave stopped; null unless paused. */
  pausedFor: SendGateReason | null;
  correction: boolean;
  startedAt: string;
  endedAt: string | null;
  /** From the wave's summary, counted when it ended; null while it runs (or when it failed uncounted). */
  sent: number | null;
  failed: number | null;
  uncertain: number | null;
}

/** Whether data-subject notices may go out now (store/send-gates.ts); null for an incident without a gate (v1). */
export interface SendGateView {
  open: boolean;
  allowedVersion: string | null;
  reason: string | null;
}

export function wavesOf(state: IncidentState | null): WaveView[] {
  return (state?.waves ?? []).map((w) => ({
    waveId: w.waveId,
    noticeVersion: w.noticeVersion,
    status: w.status,
    pausedFor: w.status === 'paused' ? (w.pausedFor ?? null) : null,
    correction: w.correction === true,
    startedAt: w.startedAt,
    endedAt: w.endedAt ?? null,
    sent: w.summary?.sent ?? null,
    failed: w.summary?.failed ?? null,
    uncertain: w.summary?.uncertain ?? null,
  }));
}

export function sendGateOf(row: SendGateRow | undefined): SendGateView | null {
  if (!row) return null;
  return { open: row.allowed_version !== null, allowedVersion: row.allowed_version, reason: row.reason };
}

export async function incidentView(db: Db, incidentId: string) {
  const row = await getIncident(db, incidentId);
  if (!row) throw notFound();
  const state = parseState(row);
  const hold = await latestHold(db, incidentId);
  const activeHold = state?.hold && state.hold.releasedAt === null && hold && hold.id === state.hold.id ? hold : null;
  const snapshot = await deliverySnapshot(db, incidentId);
  const delivery = snapshot.counts;
  const progress = { ...snapshot.progress, tracked: deliveryTracking() };
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    severity: row.severity,
    stage: row.stage,
    status: row.status,
    role: row.role,
    detectedAt: row.detected_at,
    occurredAt: row.occurred_at,
    awarenessAt: row.awareness_at,
    /** Clock starts recorded besides awareness (triage confirmation, or a later determination). */
    determinations: {
      discoveredAt: state?.determinations?.discoveredAt ?? null,
      notifiableAt: state?.determinations?.notifiableAt ?? null,
      materialityAt: state?.determinations?.materialityAt ?? null,
    },
    detectionMethod: row.detection_method,
    detectionMethodLabel: isDetectionMethod(row.detection_method)
      ? DETECTION_METHOD_LABELS[row.detection_method]
      : row.detection_method,
    detectionNote: row.detection_note,
    /** Supplementary reports the workflow accepted and has not finished sending. */
    supplementsBeingSent: state?.pendingSupplements?.length ?? 0,
    dataCategories: JSON.parse(row.data_categories) as string[],
    source: row.source,
    linkedIncidentId: row.linked_incident_id,
    stateVersion: row.state_version,
    catalogVersion: state?.catalogVersion ?? null,
    availableCatalogVersion: state?.availableCatalogVersion ?? null,
    noticeVersion: state?.notices?.noticeVersion ?? null,
    /** The approval in force, with the approver's name for the page (the actor stays for audit). */
    approval: state?.approval
      ? {
          ...state.approval,
          approvedByName: actorLabel(
            `${state.approval.approvedBy.kind}:${state.approval.approvedBy.id}`,
            await actorNames(db, incidentId),
          ),
        }
      : null,
    /** The registered workflow type running the incident (incidentWorkflowV2 sends in waves). */
    workflowType: row.workflow_type,
    /** Data-subject notice waves, oldest first (v2; empty for v1). */
    waves: wavesOf(state),
    /** How many people received each notice version, by version (v2; empty for v1). */
    sentByVersion: state?.sentByVersion ?? {},
    sendGate: sendGateOf(await readSendGate(db, incidentId)),
    facts: state?.facts ?? null,
    obligations: await obligationsOf(db, incidentId),
    hold: activeHold
      ? {
          id: activeHold.id,
          source: activeHold.source,
          agency: activeHold.agency,
          caseReference: activeHold.case_reference,
          form: activeHold.form,
          reason: activeHold.reason,
          reviewEveryDays: activeHold.review_every_days,
          placedAt: activeHold.placed_at,
          nextReviewAt: state?.nextHoldReviewAt ?? null,
        }
      : null,
    counts: {
      alerts: row.alert_count,
      subjects: state?.subjects ?? { total: 0, withEmail: 0, withPhone: 0, withoutContact: 0 },
      delivery,
    },
    /** Send rate, ETA and whether delivery reports are tracked, beside counts.delivery. */
    delivery: progress,
    timeline: await timelineOf(db, incidentId),
    substituteNotice: await substituteNoticeOf(db, incidentId),
    /** Imports whose people were still being stored when last seen; `stopped` ones lost their process. */
    unfinishedImports: await unfinishedImports(db, incidentId),
  };
}

/**
 * The public substitute notice as it stands, whoever put it up: the incident workflow after the wave,
 * or the late-bounces workflow when a report came in later. Read from the published pages themselves.
 */
export async function substituteNoticeOf(
  db: Db,
  incidentId: string,
): Promise<{ publishedAt: string; noticeVersion: string; locales: string[]; url: string } | null> {
  const rows = await listPublishedNotices(db, incidentId);
  if (rows.length === 0) return null;
  return {
    publishedAt: rows[0]!.published_at,
    noticeVersion: rows[0]!.notice_version,
    locales: rows.map((row) => row.locale),
    url: `/public/notices/${incidentId}`,
  };
}

/** Who a legal variant of the notice is for, as the approver reads it; null for the default notice. */
function variantLabel(variant: string): string | null {
  if (variant === 'default') return null;
  const code = /^us-([a-z]{2})$/.exec(variant)?.[1]?.toUpperCase();
  return code ? `residents of ${US_STATE_NAMES[code] ?? code}` : variant;
}

export async function noticesOf(db: Db, incidentId: string) {
  const row = await getIncident(db, incidentId);
  if (!row) throw notFound();
  const version = parseState(row)?.notices?.noticeVersion ?? null;
  if (!version) return { noticeVersion: null, recipients: 0, notices: [] };
  const notices = await listNotices(db, incidentId, version);
  return {
    noticeVersion: version,
    recipients: notices[0]?.recipients ?? 0,
    notices: notices.map(({ recipients: _r, ...n }) => ({ ...n, variantLabel: variantLabel(n.variant) })),
  };
}

/** A page of the incident's outbox; `next` continues after its last row (null on the last page). */
export async function notificationsOf(db: Db, incidentId: string, q: OutboxListing) {
  if (!(await getIncident(db, incidentId))) throw notFound();
  const rows = await listOutbox(db, incidentId, q);
  const last = rows.at(-1);
  const next =
    rows.length === q.limit && last
      ? encodeOutboxCursor([last.kind, last.recipient_ref, last.channel, last.notice_version])
      : null;
  const notifications = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    channel: row.channel,
    template: row.template,
    locale: row.locale,
    status: row.status,
    provider: row.provider,
    providerId: row.provider_id,
    attempts: row.attempts,
    error: row.error,
    updatedAt: row.updated_at,
  }));
  return { notifications, next };
}

export async function reportOf(db: Db, incidentId: string): Promise<string | null> {
  return reportHtml(db, incidentId);
}

/** One language's narrative sections as the re-assess form shows them. */
export interface NarrativeLocaleForm {
  locale: Locale;
  name: string;
  /** Why the form shows this language: its people, its regulator, or text already written. */
  why: string;
  fields: { key: string; label: string; name: string; id: string; value: string }[];
}

/** What the re-assess form shows: the accepted assessment's values, so a save changes only what the person changed. */
export interface AssessmentForm {
  /** Ticked data elements: what was typed, else the saved assessment's, else the categories chosen at opening. */
  dataElements: string[];
  riskLevel: string;
  riskRationale: string;
  /** One CODE=NUMBER per line, as the form takes it. */
  affected: string;
  sectors: string[];
  channelPolicy: string;
  publicHeadline: string;
  /** One "Name <email> locale" per line. */
  controllers: string;
  approximateRecords: string;
  identityProtectionOffered: boolean;
  /** Every locale's narrative text, and every other locale's headline, by form field name (whatHappened, whatHappened:de, publicHeadline:de, ...). */
  narrative: Record<string, string>;
  /** The locales in use, English first: a section of the form each. */
  narrativeLocales: NarrativeLocaleForm[];
}

const FIELD_LABELS: Record<string, string> = Object.fromEntries(NOTICE_TEXT_FIELDS);

/** The narrative and the other languages' headlines by form field name, from the locale-keyed text. */
const narrativeFields = (byLocale: NarrativeByLocale, headlines: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(
    LOCALES.flatMap((locale) => [
      // English's headline is the form's own publicHeadline field, above the sections.
      ...(locale === 'en' ? [] : [[narrativeFieldName('publicHeadline', locale), headlines[locale] ?? '']]),
      ...NARRATIVE_FIELDS.map((f) => [narrativeFieldName(f, locale), byLocale[locale]?.[f] ?? '']),
    ]),
  );

/** A locale's own fields in the form: its headline (English's is above the sections), then its narrative. */
const localeFieldKeys = (locale: Locale): readonly string[] =>
  locale === 'en' ? NARRATIVE_FIELDS : ['publicHeadline', ...NARRATIVE_FIELDS];

/**
 * The languages the form asks for text in: English, the people's languages (as normalised for
 * templates), the regulators' report languages, and any with text already written.
 */
async function narrativeLocalesOf(
  db: Db,
  incidentId: string,
  narrative: Record<string, string>,
  obligations: readonly { audience: string; regime: string; required: boolean }[],
): Promise<NarrativeLocaleForm[]> {
  const why = new Map<Locale, string[]>([['en', ['always shown']]]);
  const add = (l: Locale, reason: string) => {
    const reasons = why.get(l) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    why.set(l, reasons);
  };
  for (const tag of await listSubjectLocales(db, incidentId)) add(normalizeLocale(tag), 'people on the list');
  for (const o of obligations)
    if (o.audience === 'regulator' && o.required) {
      const l = regulatorReportLocale(o.regime);
      if (l !== 'en') add(l, 'regulator report');
    }
  for (const locale of LOCALES)
    if (localeFieldKeys(locale).some((f) => (narrative[narrativeFieldName(f, locale)] ?? '').trim() !== ''))
      add(locale, 'text written');
  return [...why.keys()]
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))
    .map((locale) => ({
      locale,
      name: languageName(locale),
      why: why
        .get(locale)!
        .filter((r) => r !== 'always shown')
        .join(', '),
      fields: localeFieldKeys(locale).map((f) => {
        const name = narrativeFieldName(f, locale);
        return {
          key: f,
          label: FIELD_LABELS[f] ?? f,
          name,
          id: locale === 'en' ? f : `${f}-${locale}`,
          value: narrative[name] ?? '',
        };
      }),
    }));
}

export async function assessmentFormOf(
  db: Db,
  incidentId: string,
  refused?: Record<string, unknown>,
): Promise<AssessmentForm | null> {
  const row = await getIncident(db, incidentId);
  const obligations = (row ? parseState(row)?.obligations : undefined) ?? [];
  const withLocales = async (form: Omit<AssessmentForm, 'narrativeLocales'>): Promise<AssessmentForm> => ({
    ...form,
    narrativeLocales: await narrativeLocalesOf(db, incidentId, form.narrative, obligations),
  });
  // A refused save shows what the person typed, not the older saved values.
  if (refused) {
    const text = (k: string) => (typeof refused[k] === 'string' ? (refused[k] as string) : '');
    const many = (k: string) => {
      const v = refused[k];
      return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
    };
    return withLocales({
      dataElements: many('dataElements'),
      riskLevel: text('riskLevel'),
      riskRationale: text('riskRationale'),
      affected: text('affected'),
      sectors: many('sectors'),
      channelPolicy: text('channelPolicy'),
      publicHeadline: text('publicHeadline'),
      controllers: text('controllers'),
      approximateRecords: text('approximateRecords'),
      identityProtectionOffered: ['on', 'true'].includes(text('identityProtectionOffered')),
      narrative: Object.fromEntries(
        NOTICE_TEXT_KEYS.filter(([k]) => k !== 'publicHeadline').map(([k]) => [k, text(k)]),
      ),
    });
  }
  if (!row) return null;
  const facts = parseState(row)?.facts;
  if (!facts) {
    // The first assessment starts from the categories ticked when the incident was opened.
    const opened = (JSON.parse(row.data_categories) as string[]).filter((e) =>
      (DATA_ELEMENTS as readonly string[]).includes(e),
    );
    return withLocales({
      dataElements: opened,
      riskLevel: '',
      riskRationale: '',
      affected: '',
      sectors: [],
      channelPolicy: '',
      publicHeadline: '',
      controllers: '',
      approximateRecords: '',
      identityProtectionOffered: false,
      narrative: narrativeFields({}),
    });
  }
  const saved = await getAssessmentText(db, facts.assessmentId);
  const controllers = await listControllers(db, incidentId, facts.controllerIds ?? []);
  return withLocales({
    dataElements: facts.dataElements,
    riskLevel: facts.riskLevel,
    riskRationale: (await getNote(db, facts.assessmentId)) ?? '',
    affected: Object.entries(facts.affected)
      .map(([code, n]) => `${code}=${n}`)
      .join('\n'),
    sectors: facts.sectors,
    channelPolicy: facts.channelPolicy,
    publicHeadline: saved?.public_headline ?? '',
    controllers: controllers.map((c) => `${c.name} <${c.email}> ${c.locale}`).join('\n'),
    approximateRecords: facts.approximateRecords !== undefined ? String(facts.approximateRecords) : '',
    identityProtectionOffered: saved?.identity_protection_offered === 1,
    narrative: narrativeFields(
      parseNarrativeJson(saved?.narrative_json ?? null),
      parseHeadlines(saved?.narrative_json ?? null, null),
    ),
  });
}
