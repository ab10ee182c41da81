// The outbox: one row per (incident, kind, recipient, channel, notice version),
// the source of truth for what was sent. A row is claimed (committed) before
// the provider is called, so a crash between the two leaves evidence: claimed
// rows found by a later attempt become `uncertain`, never silently re-sent.
import { openContacts } from './contact-keys';
import type { Db, SqlValue } from './connection';
import type { DeliveryCounts } from '../workflows/types';
import { expectedRecipients } from './notice-waves';
import { nowIso } from '../lib/clock';
import { LIVE_ATTEMPT_SQL } from './send-attempts';

// A controller row's recipient_ref is not a number: the CASE keeps PostgreSQL, which may evaluate a
// join condition before the kind test beside it, from casting one (SQLite would read it as 0).
const SUBJECT_OF_ROW_SQL = "CASE WHEN o.kind = 'subject' THEN CAST(o.recipient_ref AS INTEGER) END";

export const OUTBOX_STATUSES = ['pending', 'claimed', 'sent', 'delivered', 'bounced', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type OutboxKind = 'subject' | 'controller' | 'regulator' | 'reminder';

export interface OutboxRow {
  id: string;
  incident_id: string;
  kind: OutboxKind;
  recipient_ref: string;
  channel: 'email' | 'sms';
  locale: string;
  notice_version: string;
  template: string;
  status: OutboxStatus;
  provider: string | null;
  provider_id: string | null;
  attempts: number;
  error: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  /** 1 when the row was re-sent after an unresolved uncertain attempt. */
  possible_duplicate: number;
  updated_at: string;
}

export async function ensureOutboxRow(
  db: Db,
  r: {
    id: string;
    incidentId: string;
    kind: OutboxKind;
    recipientRef: string;
    channel: 'email' | 'sms';
    locale: string;
    noticeVersion: string;
    template: string;
  },
): Promise<OutboxRow> {
  await db.run(
    `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at)
     VALUES (?,?,?,?,?,?,?,?, 'pending', ?)
     ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING`,
    [r.id, r.incidentId, r.kind, r.recipientRef, r.channel, r.locale, r.noticeVersion, r.template, nowIso()],
  );
  return (await db.get<OutboxRow>(
    'SELECT * FROM outbox WHERE incident_id = ? AND kind = ? AND recipient_ref = ? AND channel = ? AND notice_version = ?',
    [r.incidentId, r.kind, r.recipientRef, r.channel, r.noticeVersion],
  ))!;
}

/** Claims a pending row for a live attempt. */
export async function claimRow(db: Db, id: string, attemptId: string): Promise<boolean> {
  const now = nowIso();
  const r = await db.run(
    `UPDATE outbox SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, updated_at = ?, claimed_by = ?
     WHERE id = ? AND status = 'pending' AND ${LIVE_ATTEMPT_SQL}`,
    [now, now, attemptId, id, attemptId],
  );
  return r.changes === 1;
}

export async function finishRow(
  db: Db,
  id: string,
  outcome: {
    status: 'sent' | 'failed' | 'uncertain' | 'pending';
    provider?: string;
    providerId?: string | null;
    error?: string | null;
  },
  attemptId: string,
): Promise<void> {
  const now = nowIso();
  await db.run(
    `UPDATE outbox SET status = ?, provider = COALESCE(?, provider), provider_id = COALESCE(?, provider_id), error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, updated_at = ?
     WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    [
      outcome.status,
      outcome.provider ?? null,
      outcome.providerId ?? null,
      outcome.error ?? null,
      outcome.status,
      now,
      now,
      id,
      attemptId,
    ],
  );
}

/** Subject rows by channel and status; `call` only once the incident has telephone calls. */
export async function deliveryCounts(
  db: Db,
  incidentId: string,
): Promise<Record<'email' | 'sms', DeliveryCounts> & { call?: DeliveryCounts }> {
  const rows = await db.all<{ channel: 'email' | 'sms' | 'call'; status: OutboxStatus; n: number }>(
    "SELECT channel, status, COUNT(*) AS n FROM outbox WHERE incident_id = ? AND kind = 'subject' GROUP BY channel, status",
    [incidentId],
  );
  const empty = (): DeliveryCounts => ({
    pending: 0,
    claimed: 0,
    sent: 0,
    delivered: 0,
    bounced: 0,
    failed: 0,
    uncertain: 0,
    substitute: 0,
  });
  const out: Record<'email' | 'sms', DeliveryCounts> & { call?: DeliveryCounts } = { email: empty(), sms: empty() };
  const created = { email: 0, sms: 0 };
  for (const r of rows) {
    // A call's `delivered` is a call answered by a person; `failed` one nobody answered (yet).
    if (r.channel === 'call') {
      out.call ??= empty();
      out.call[r.status] += r.n;
      continue;
    }
    // Letters are counted in their batches (store/letter-batches.ts), not among the messages.
    if (r.channel !== 'email' && r.channel !== 'sms') continue;
    out[r.channel][r.status] += r.n;
    created[r.channel] += r.n;
  }
  // People a running wave has not reached yet have no row: they are pending too.
  const expected = await expectedRecipients(db, incidentId);
  for (const c of ['email', 'sms'] as const) out[c].pending += Math.max(0, expected[c] - created[c]);
  return out;
}

// In the unique key's order, so a page of a million-row outbox is read off the index, not sorted.
/** Where a page of the listing ends: the row's unique key, in the listing's order. */
export type OutboxCursor = [kind: string, recipientRef: string, channel: string, noticeVersion: string];

export interface OutboxListing {
  limit: number;
  /** Rows after this key (keyset paging: as fast at the millionth row as at the first). */
  after?: OutboxCursor;
  /** Rows skipped from the start; kept for old callers, slow deep into a large outbox. */
  offset?: number;
  status?: string;
}

export async function listOutbox(
  db: Db,
  incidentId: string,
  q: OutboxListing,
): Promise<
  (OutboxRow & { recipient: string | null; address_hmac: string | null; contact_purged_at: string | null })[]
> {
  const where = ['o.incident_id = ?'];
  const params: SqlValue[] = [incidentId];
  if (q.status) {
    where.push('o.status = ?');
    params.push(q.status);
  }
  if (q.after) {
    // A row value: SQLite ranges over the unique (incident, kind, ref, channel, version) index.
    where.push('(o.kind, o.recipient_ref, o.channel, o.notice_version) > (?, ?, ?, ?)');
    params.push(...q.after);
  }
  params.push(q.limit, q.offset ?? 0);
  const rows = await db.all<
    OutboxRow & { recipient: string | null; address_hmac: string | null; contact_purged_at: string | null }
  >(
    `SELECT o.*, CASE o.kind
        WHEN 'subject' THEN (CASE o.channel WHEN 'email' THEN s.email WHEN 'letter' THEN s.postal_address ELSE s.phone END)
        WHEN 'controller' THEN c.email
        ELSE NULL END AS recipient, s.purged_at AS contact_purged_at
     FROM outbox o
     LEFT JOIN subjects s ON o.kind = 'subject' AND s.id = ${SUBJECT_OF_ROW_SQL}
     LEFT JOIN controllers c ON o.kind = 'controller' AND c.id = o.recipient_ref
     WHERE ${where.join(' AND ')} ORDER BY o.kind, o.recipient_ref, o.channel, o.notice_version LIMIT ? OFFSET ?`,
    params,
  );
  // A controller's address is the controller's business contact, stored in clear; a person's is sealed.
  return openContacts(db, incidentId, rows, { recipient: (r) => sealedColumnOf(r.channel) });
}

/** The subjects column a subject row's channel reads its address from. */
export const sealedColumnOf = (channel: string) =>
  channel === 'email' ? 'email' : channel === 'letter' ? 'postal_address' : 'phone';

export interface NewSubjectOutboxRow {
  id: string;
  incidentId: string;
  /** The subject's id, as text. */
  recipientRef: string;
  channel: 'email' | 'sms';
  locale: string;
  noticeVersion: string;
  template: string;
}

/** Pending subject rows for a batch of people, in one transaction; rows that exist already are kept as they are. */
export async function createSubjectOutboxRows(db: Db, rows: NewSubjectOutboxRow[], at: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const r of rows) {
      await tx.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at)
         VALUES (?,?, 'subject', ?,?,?,?,?, 'pending', ?) ON CONFLICT DO NOTHING`,
        [r.id, r.incidentId, r.recipientRef, r.channel, r.locale, r.noticeVersion, r.template, at],
      );
    }
  });
}

export type SubjectOutboxRow = OutboxRow & {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The person's residence, which picks the legal variant of their email. */
  jurisdiction: string | null;
};

/** Up to `limit` pending subject rows of the notice version, in id order, with the person's name and contacts. */
export async function listPendingSubjectOutboxRows(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  limit: number,
): Promise<SubjectOutboxRow[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<SubjectOutboxRow>(
      `SELECT o.*, s.name, s.email, s.phone, s.jurisdiction FROM outbox o JOIN subjects s ON s.id = ${SUBJECT_OF_ROW_SQL}
     WHERE o.incident_id = ? AND o.kind = 'subject' AND o.notice_version = ? AND o.status = 'pending' ORDER BY o.id LIMIT ?`,
      [incidentId, noticeVersion, limit],
    ),
  );
}

export interface SubjectOutcomeCounts {
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
}

export async function countSubjectOutcomes(
  db: Db,
  incidentId: string,
  noticeVersion: string,
): Promise<SubjectOutcomeCounts> {
  const r = await db.get<{ total: number; sent: number | null; failed: number | null; uncertain: number | null }>(
    `SELECT COUNT(*) AS total, SUM(CAST(status IN ('sent','delivered') AS INTEGER)) AS sent, SUM(CAST(status IN ('failed','bounced') AS INTEGER)) AS failed, SUM(CAST(status = 'uncertain' AS INTEGER)) AS uncertain
     FROM outbox WHERE incident_id = ? AND kind = 'subject' AND notice_version = ?`,
    [incidentId, noticeVersion],
  );
  return { total: r?.total ?? 0, sent: r?.sent ?? 0, failed: r?.failed ?? 0, uncertain: r?.uncertain ?? 0 };
}

/** Subject rows of every notice version by channel and status, for the closing report. */
export async function subjectDeliveryStats(
  db: Db,
  incidentId: string,
): Promise<{ channel: string; status: string; count: number }[]> {
  return db.all<{ channel: string; status: string; count: number }>(
    "SELECT channel, status, COUNT(*) AS count FROM outbox WHERE incident_id = ? AND kind = 'subject' GROUP BY channel, status ORDER BY channel, status",
    [incidentId],
  );
}

export async function countOutboxRows(db: Db, incidentId: string): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ?', [incidentId]))!.n;
}
