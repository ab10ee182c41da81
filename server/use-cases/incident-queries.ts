// Reads for the API and pages, all from SQLite (the read model), never from a
// workflow query.
import type { Db } from '../../store/connection';
import { listOutbox, type OutboxListing } from '../../store/outbox';
import { encodeOutboxCursor } from '../schemas';
import { deliverySnapshot } from './delivery-snapshot';
import { unfinishedImports } from '../../store/subject-imports';
import { deliveryTracking } from '../delivery-tracking';
import { getIncident, parseState } from '../../store/incident-store';
import type { AuthUser } from '../auth';
import { notFound } from '../errors';
import { visibleClause } from './incident-access';
import { nowIso } from '../../lib/clock';

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
}

export interface TimelineEntry {
  seq: number;
  at: string;
  type: string;
  actor: string;
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
export async function listIncidents(db: Db, visibleTo: AuthUser, f: IncidentFilters = {}) {
  const v = visibleClause(visibleTo);
  const where = [v.sql];
  const params: (string | number)[] = [...v.params];
  if (f.status) {
    where.push('i.status = ?');
    params.push(f.status);
  }
  if (f.stage) {
    where.push('i.stage = ?');
    params.push(f.stage);
  }
  if (f.severity) {
    where.push('i.severity = ?');
    params.push(f.severity);
  }
  if (f.overdue) {
    where.push(
      "EXISTS (SELECT 1 FROM obligations o WHERE o.incident_id = i.id AND o.required = 1 AND o.status IN ('pending', 'manual') AND o.due_at < ?)",
    );
    params.push(nowIso());
  }
  if (f.q) {
    where.push("(i.title LIKE ? ESCAPE '\\' OR i.id = ?)");
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, f.q.toUpperCase());
  }
  params.push(f.limit ?? 200);
  const rows = await db.all<{
    id: string;
    title: string;
    severity: string;
    stage: string;
    status: string;
    created_at: string;
    awareness_at: string | null;
    alert_count: number;
    next_due: string | null;
    restricted: number;
  }>(
    `SELECT i.id, i.title, i.severity, i.stage, i.status, i.created_at, i.awareness_at, i.alert_count, i.restricted,
            (SELECT MIN(due_at) FROM obligations o WHERE o.incident_id = i.id AND o.required = 1 AND o.status = 'pending' AND o.due_at IS NOT NULL) AS next_due
     FROM incidents i WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC LIMIT ?`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    stage: r.stage,
    status: r.status,
    createdAt: r.created_at,
    awarenessAt: r.awareness_at,
    alertCount: r.alert_count,
    nextDueAt: r.next_due,
    restricted: r.restricted === 1,
  }));
}

export async function obligationsOf(db: Db, incidentId: string): Promise<ObligationView[]> {
  const rows = await db.all<{
    id: string;
    regime: string;
    audience: string;
    recipient: string;
    required: number;
    due_at: string | null;
    deadline: string;
    status: string;
    basis: string;
    why: string;
    content_json: string;
    hold_may_delay: number;
    superseded_reason: string | null;
    fulfilled_at: string | null;
  }>(
    'SELECT * FROM obligations WHERE incident_id = ? ORDER BY required DESC, CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id',
    [incidentId],
  );
  return rows.map((o) => ({
    id: o.id,
    regime: o.regime,
    audience: o.audience,
    recipient: o.recipient,
    required: o.required === 1,
    dueAt: o.due_at,
    deadline: o.deadline,
    status: o.status,
    basis: o.basis,
    why: o.why,
    content: JSON.parse(o.content_json) as string[],
    holdMayDelay: o.hold_may_delay === 1,
    supersededReason: o.superseded_reason,
    fulfilledAt: o.fulfilled_at,
  }));
}

export async function timelineOf(db: Db, incidentId: string): Promise<TimelineEntry[]> {
  // The actor column is "kind:id"; people are shown by name, with the kind kept for tokens and the system.
  const rows = await db.all<TimelineEntry & { display_name: string | null }>(
    `SELECT a.seq, a.at, a.type, a.actor, a.summary, u.display_name FROM audit_log a
     LEFT JOIN users u ON u.id = substr(a.actor, instr(a.actor, ':') + 1) WHERE a.incident_id = ? ORDER BY a.seq`,
    [incidentId],
  );
  return rows.map(({ display_name, ...r }) => ({
    ...r,
    actor: display_name ? `${display_name}${r.actor.startsWith('token:') ? ' (API token)' : ''}` : r.actor,
  }));
}

export async function incidentView(db: Db, incidentId: string) {
  const row = await getIncident(db, incidentId);
  if (!row) throw notFound();
  const state = parseState(row);
  const hold = await db.get<{
    id: string;
    source: string;
    agency: string | null;
    case_reference: string | null;
    form: string;
    reason: string;
    review_every_days: number;
    placed_at: string;
    released_at: string | null;
  }>('SELECT * FROM holds WHERE incident_id = ? ORDER BY placed_at DESC LIMIT 1', [incidentId]);
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
    detectionMethod: row.detection_method,
    dataCategories: JSON.parse(row.data_categories) as string[],
    source: row.source,
    linkedIncidentId: row.linked_incident_id,
    stateVersion: row.state_version,
    catalogVersion: state?.catalogVersion ?? null,
    availableCatalogVersion: state?.availableCatalogVersion ?? null,
    noticeVersion: state?.notices?.noticeVersion ?? null,
    approval: state?.approval ?? null,
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
  const rows = await db.all<{ locale: string; notice_version: string; published_at: string }>(
    'SELECT locale, notice_version, published_at FROM public_notices WHERE incident_id = ? ORDER BY published_at DESC, locale',
    [incidentId],
  );
  if (rows.length === 0) return null;
  return {
    publishedAt: rows[0]!.published_at,
    noticeVersion: rows[0]!.notice_version,
    locales: rows.map((r) => r.locale),
    url: `/public/notices/${incidentId}`,
  };
}

export async function noticesOf(db: Db, incidentId: string) {
  const row = await getIncident(db, incidentId);
  if (!row) throw notFound();
  const version = parseState(row)?.notices?.noticeVersion ?? null;
  if (!version) return { noticeVersion: null, recipients: 0, notices: [] };
  const notices = await db.all<{
    audience: string;
    locale: string;
    channel: string;
    subject: string | null;
    html: string | null;
    text: string;
    recipients: number;
  }>(
    'SELECT audience, locale, channel, subject, html, text, recipients FROM notices WHERE incident_id = ? AND notice_version = ? ORDER BY audience, locale, channel',
    [incidentId, version],
  );
  return {
    noticeVersion: version,
    recipients: notices[0]?.recipients ?? 0,
    notices: notices.map(({ recipients: _r, ...n }) => n),
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
  const notifications = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    recipient: r.recipient,
    channel: r.channel,
    template: r.template,
    locale: r.locale,
    status: r.status,
    provider: r.provider,
    providerId: r.provider_id,
    attempts: r.attempts,
    error: r.error,
    updatedAt: r.updated_at,
  }));
  return { notifications, next };
}

export async function reportOf(db: Db, incidentId: string): Promise<string | null> {
  return (await db.get<{ html: string }>('SELECT html FROM reports WHERE incident_id = ?', [incidentId]))?.html ?? null;
}
