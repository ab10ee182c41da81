// Set-based outbox writes for one page of subject notices (a range of subject
// ids), so a million people cost about a thousand statements of each kind rather
// than a million. Every transition names the state it leaves, so a repeated or
// concurrent call never moves a row twice or backwards.
import { openContacts } from './contact-keys';
import type { Db, Params } from './connection';
import { hexIdWithRandomTail, jsonTable, jsonValues, noIndex, skipLocked } from './dialect';
import { nowIso } from '../lib/clock';
import { LIVE_ATTEMPT_SQL } from './send-attempts';
import { GATE_OPEN_SQL } from './send-gates';

export interface PageBounds {
  incidentId: string;
  noticeVersion: string;
  fromId: number;
  toId: number;
  /**
   * Sent as a correction: people already told by another version of the notice get this one too.
   * Otherwise (the default) a person and channel with a row of another version that was or may have
   * been sent is skipped.
   */
  correction?: boolean;
}

/**
 * Outbox states in which a person was not told and will not be by that row: a row of another version in
 * any other state (claimed, sent, delivered, uncertain, ...) means they were or may have been told.
 */
export const NOT_TOLD_STATUSES_SQL = "('pending','failed','bounced')";

export interface PendingSubjectRow {
  /** null until the row is created, which happens when it is first claimed. */
  id: string | null;
  subject_id: number;
  channel: 'email' | 'sms';
  locale: string;
  attempts: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The person's residence (`US-CA`, `DE`), which picks the legal variant of their notice; null when unknown. */
  jurisdiction?: string | null;
  /**
   * When another version of the incident's notice told or may have told this person (on any channel):
   * the time of the latest such row (sent, else claimed, else last updated); null when none did. Set by
   * pageWork only (undefined on rows read for a re-send or a fallback).
   */
  priorVersionAt?: string | null;
  /** Set by the sender before the claim: this row goes out as a correction (recorded in outbox.is_correction). */
  correction?: boolean;
  /**
   * Read for a re-send or an SMS fallback: 1 when a row of this version was already sent to the person
   * as a correction (outbox.is_correction), so this one goes as a correction too; priorVersionAt is
   * then read with it.
   */
  asCorrection?: number;
}

/** 32 hex characters: the subject id (12) then 20 random. */
export const rowIdSql = (db: Db, subjectId = 'id') => hexIdWithRandomTail(db, subjectId);

export type ChannelPolicyName = 'email' | 'sms_fallback' | 'both' | 'call' | 'sms_or_call';

/** The channels a person is sent on under the policy: the rows they get. */
export function channelsFor(
  policy: ChannelPolicyName,
  p: { email: string | null; phone: string | null; phone_type?: string | null },
): ('email' | 'sms')[] {
  const out: ('email' | 'sms')[] = [];
  if (p.email) out.push('email');
  if (p.phone && (policy === 'both' || (policy === 'sms_fallback' && !p.email))) out.push('sms');
  // Calls are placed by their own activity (place-calls.ts); a landline cannot take an SMS.
  if (p.phone && policy === 'sms_or_call' && !p.email && p.phone_type !== 'landline') out.push('sms');
  return out;
}

/**
 * Rows claimed in this range before claims named their attempt: a retried page finds them left by
 * its dead predecessor (claims that name an attempt are swept when the retry starts).
 */
export async function markPageClaimsUncertain(db: Db, b: PageBounds): Promise<number> {
  const now = nowIso();
  const r = await db.run(
    `UPDATE outbox SET status = 'uncertain', uncertain_at = ?, updated_at = ?, error = 'worker stopped during the provider call; outcome unknown'
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND channel IN ('email', 'sms') AND subject_id BETWEEN ? AND ? AND status = 'claimed' AND claimed_by IS NULL`,
    [now, now, b.incidentId, b.noticeVersion, b.fromId, b.toId],
  );
  return r.changes;
}

/**
 * What a page still has to send: each person and channel under the policy that has no
 * row yet (id null: created when claimed) or a pending one. Rows in any other state
 * were handled by an earlier attempt and are left alone; `stranded` counts rows a
 * dead attempt left claimed, which the caller marks uncertain.
 */
export async function pageWork(
  db: Db,
  b: PageBounds,
  policy: ChannelPolicyName,
): Promise<{ rows: PendingSubjectRow[]; stranded: number }> {
  const people = await openContacts(
    db,
    b.incidentId,
    await db.all<{
      id: number;
      name: string | null;
      email: string | null;
      phone: string | null;
      jurisdiction: string | null;
      locale: string;
      phone_type: string | null;
    }>(
      // `+incident_id`: left to itself the planner walks the (incident, identity key) index over every
      // person of the incident for each page; the id range on the rowid is what narrows a page.
      `SELECT id, name, email, phone, jurisdiction, locale, phone_type FROM subjects WHERE ${noIndex(db, 'incident_id')} = ? AND id BETWEEN ? AND ? ORDER BY id`,
      [b.incidentId, b.fromId, b.toId],
    ),
  );
  const existing = await db.all<{
    id: string;
    subject_id: number;
    channel: 'email' | 'sms';
    status: string;
    attempts: number;
  }>(
    `SELECT id, subject_id, channel, status, attempts FROM outbox
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND channel IN ('email', 'sms') AND subject_id BETWEEN ? AND ?`,
    [b.incidentId, b.noticeVersion, b.fromId, b.toId],
  );
  const rows = new Map(existing.map((r) => [`${r.subject_id}|${r.channel}`, r]));
  const toldAt = await toldByOtherVersions(db, b);
  const priorAt = new Map<number, string>();
  for (const [key, at] of toldAt) {
    const id = Number(key.slice(0, key.indexOf('|')));
    const seen = priorAt.get(id);
    if (seen === undefined || at > seen) priorAt.set(id, at);
  }
  const work: PendingSubjectRow[] = [];
  const stranded = existing.filter((r) => r.status === 'claimed').length;
  for (const p of people) {
    for (const channel of channelsFor(policy, p)) {
      const row = rows.get(`${p.id}|${channel}`);
      if (row && row.status !== 'pending') continue;
      // A later version (a re-approval, a wave for people imported since) does not tell anyone twice.
      if (!row && !b.correction && toldAt.has(`${p.id}|${channel}`)) continue;
      work.push({
        id: row?.id ?? null,
        subject_id: p.id,
        channel,
        locale: p.locale,
        attempts: row?.attempts ?? 0,
        name: p.name,
        email: p.email,
        phone: p.phone,
        jurisdiction: p.jurisdiction,
        priorVersionAt: priorAt.get(p.id) ?? null,
      });
    }
  }
  return { rows: work, stranded };
}

/**
 * The people and channels of the page that a row of another notice version of the incident has told
 * or may have told, as `subject_id|channel`, each with the time of the latest such row. The other versions are found by a skip-scan of the
 * (incident, version, channel, subject) index, one seek per version, and each version's rows of the page
 * by a range on the same index, so a page costs a few seeks however many rows the incident has
 * (`+kind`: left to itself the planner takes the unique key's (incident, kind) prefix and walks every
 * subject row of the incident). No new index: one would cost a write per person at every insert.
 */
async function toldByOtherVersions(db: Db, b: PageBounds): Promise<Map<string, string>> {
  const versions = await db.all<{ v: string }>(
    `WITH RECURSIVE vs(v) AS (
       SELECT (SELECT MIN(notice_version) FROM outbox WHERE incident_id = ?1)
       UNION ALL
       SELECT (SELECT MIN(notice_version) FROM outbox WHERE incident_id = ?1 AND notice_version > vs.v) FROM vs WHERE vs.v IS NOT NULL
     )
     SELECT v FROM vs WHERE v IS NOT NULL AND v <> ?2`,
    [b.incidentId, b.noticeVersion],
  );
  if (versions.length === 0) return new Map();
  const told = await db.all<{ subject_id: number; channel: string; at: string }>(
    `SELECT subject_id, channel, MAX(COALESCE(sent_at, claimed_at, updated_at)) AS at FROM outbox
     WHERE incident_id = ? AND notice_version IN (${jsonValues(db, '?', 'text')}) AND channel IN ('email', 'sms') AND subject_id BETWEEN ? AND ?
       AND ${noIndex(db, 'kind')} = 'subject' AND status NOT IN ${NOT_TOLD_STATUSES_SQL}
     GROUP BY subject_id, channel`,
    [b.incidentId, JSON.stringify(versions.map((x) => x.v)), b.fromId, b.toId],
  );
  return new Map(told.map((r) => [`${r.subject_id}|${r.channel}`, r.at]));
}

/**
 * Claims rows for one provider call, committed before the call: rows not created yet
 * are inserted already claimed (one write per person instead of an insert and then a
 * claim), pending ones move to claimed. Fills in the ids of the rows given and
 * returns those claimed; rows another attempt created or claimed meanwhile are not
 * among them. Each statement re-reads the incident's send gate (send-gates.ts): when it
 * blocks the version nothing is claimed or created.
 */
export async function claimSubjectRows(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  rows: PendingSubjectRow[],
  attemptId: string,
): Promise<PendingSubjectRow[]> {
  if (rows.length === 0) return [];
  const now = nowIso();
  type Claimed = { id: string; subject_id: number; channel: string; attempts: number };
  const statements: { sql: string; params: Params }[] = [];
  for (const channel of ['email', 'sms'] as const) {
    const fresh = rows.filter((r) => r.id === null && r.channel === channel).map((r) => r.subject_id);
    if (fresh.length === 0) continue;
    const corrections = rows
      .filter((r) => r.id === null && r.channel === channel && r.correction)
      .map((r) => r.subject_id);
    // `+incident_id` keeps the planner on rowid lookups (see pageWork).
    // The row id travels to providers (custom args, callback URLs): no personal data, only the subject
    // id in front, so a million inserts append to the primary-key index instead of landing at random
    // in it, and random bits behind, so two rows of one person differ.
    statements.push({
      sql: `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, attempts, claimed_at, updated_at, subject_id, claimed_by, is_correction)
           SELECT ${rowIdSql(db)}, incident_id, 'subject', CAST(id AS TEXT), ?, locale, ?, ?, 'claimed', 1, ?, ?, id, ?, CAST(id IN (${jsonValues(db, '?', 'integer')}) AS INTEGER)
           FROM subjects WHERE ${noIndex(db, 'incident_id')} = ? AND id IN (${jsonValues(db, '?', 'integer')}) AND ${LIVE_ATTEMPT_SQL} AND ${GATE_OPEN_SQL}
           ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING
           RETURNING id, subject_id, channel, attempts`,
      params: [
        channel,
        noticeVersion,
        `subject-${channel}`,
        now,
        now,
        attemptId,
        JSON.stringify(corrections),
        incidentId,
        JSON.stringify(fresh),
        attemptId,
        incidentId,
        noticeVersion,
      ],
    });
  }
  const known = rows.filter((r) => r.id !== null).map((r) => r.id);
  if (known.length > 0) {
    statements.push({
      sql: `UPDATE outbox SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, updated_at = ?, claimed_by = ?,
             is_correction = CAST(id IN (${jsonValues(db, '?', 'text')}) AS INTEGER)
           WHERE id IN (${jsonValues(db, '?', 'text')}) AND status = 'pending' AND ${LIVE_ATTEMPT_SQL} AND ${GATE_OPEN_SQL}
           RETURNING id, subject_id, channel, attempts`,
      params: [
        now,
        now,
        attemptId,
        JSON.stringify(rows.filter((r) => r.id !== null && r.correction).map((r) => r.id)),
        JSON.stringify(known),
        attemptId,
        incidentId,
        noticeVersion,
      ],
    });
  }
  // A batch is almost always one channel's new rows: one statement, which commits on its own.
  const claimed =
    statements.length === 1
      ? await db.writeAll<Claimed>(statements[0]!.sql, statements[0]!.params)
      : await db.transaction(async (tx) => {
          const got: Claimed[] = [];
          for (const st of statements) got.push(...(await tx.all<Claimed>(st.sql, st.params)));
          return got;
        });
  // The callers' rows learn their ids, so a later retry or a split of the batch claims them by id.
  const byKey = new Map(claimed.map((c) => [`${c.subject_id}|${c.channel}`, c]));
  const out: PendingSubjectRow[] = [];
  for (const r of rows) {
    const c = byKey.get(`${r.subject_id}|${r.channel}`);
    if (!c || (r.id !== null && r.id !== c.id)) continue;
    r.id = c.id;
    r.attempts = c.attempts;
    out.push(r);
  }
  return out;
}

export type ClaimOutcome =
  | { status: 'sent'; provider: string; providerId: string | null }
  | { status: 'pending' | 'failed' | 'uncertain'; error: string };

/**
 * Moves the attempt's claimed rows to their outcome. Rows no longer claimed by it (a webhook got
 * there first, or the attempt was declared dead and its claims swept) are left alone.
 */
export async function finishClaims(db: Db, ids: string[], o: ClaimOutcome, attemptId: string): Promise<void> {
  if (ids.length === 0) return;
  const now = nowIso();
  const list = JSON.stringify(ids);
  if (o.status === 'sent') {
    await db.run(
      `UPDATE outbox SET status = 'sent', provider = ?, provider_id = ?, error = NULL, sent_at = ?, updated_at = ?
       WHERE id IN (${jsonValues(db, '?', 'text')}) AND status = 'claimed' AND claimed_by = ?`,
      [o.provider, o.providerId, now, now, list, attemptId],
    );
  } else {
    await db.run(
      `UPDATE outbox SET status = ?, error = ?, updated_at = ?, uncertain_at = CASE WHEN ? = 'uncertain' THEN ? ELSE uncertain_at END
       WHERE id IN (${jsonValues(db, '?', 'text')}) AND status = 'claimed' AND claimed_by = ?`,
      [o.status, o.error, now, o.status, now, list, attemptId],
    );
  }
}

/** Marks claimed rows sent, each with its own provider id (SMS: one message sid per row), in one transaction. */
export async function finishSentClaims(
  db: Db,
  provider: string,
  sent: { id: string; providerId: string | null }[],
  attemptId: string,
): Promise<void> {
  if (sent.length === 0) return;
  const now = nowIso();
  await db.run(
    `UPDATE outbox SET status = 'sent', provider = ?, error = NULL, sent_at = ?, updated_at = ?,
       provider_id = (SELECT j.value->>'p' FROM ${jsonTable(db, '?4', 'j')} WHERE j.value->>'id' = outbox.id)
     WHERE id IN (SELECT j.value->>'id' FROM ${jsonTable(db, '?4', 'j')}) AND status = 'claimed' AND claimed_by = ?5`,
    [provider, now, now, JSON.stringify(sent.map((x) => ({ id: x.id, p: x.providerId }))), attemptId],
  );
}

export interface NoticeTotals {
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
  possibleDuplicates: number;
  /** Pending or claimed: each row is in exactly one of sent, failed, uncertain and unsettled. */
  unsettled: number;
}

export async function noticeTotals(db: Db, incidentId: string, noticeVersion: string): Promise<NoticeTotals> {
  const r = await db.get<{
    total: number;
    sent: number | null;
    failed: number | null;
    uncertain: number | null;
    dup: number | null;
    unsettled: number | null;
  }>(
    `SELECT COUNT(*) AS total, SUM(CAST(status IN ('sent','delivered') AS INTEGER)) AS sent, SUM(CAST(status IN ('failed','bounced') AS INTEGER)) AS failed,
            SUM(CAST(status = 'uncertain' AS INTEGER)) AS uncertain, SUM(possible_duplicate) AS dup, SUM(CAST(status IN ('pending','claimed') AS INTEGER)) AS unsettled
     FROM outbox WHERE incident_id = ? AND kind = 'subject' AND notice_version = ?`,
    [incidentId, noticeVersion],
  );
  return {
    total: r?.total ?? 0,
    sent: r?.sent ?? 0,
    failed: r?.failed ?? 0,
    uncertain: r?.uncertain ?? 0,
    possibleDuplicates: r?.dup ?? 0,
    unsettled: r?.unsettled ?? 0,
  };
}

/**
 * People whose every row of the notice version failed or bounced: no row of theirs was sent,
 * is on its way or may yet have reached them.
 */
export async function countUnreachableSubjects(db: Db, incidentId: string, noticeVersion: string): Promise<number> {
  const r = await db.get<{ n: number }>(
    `SELECT COUNT(DISTINCT o.subject_id) AS n FROM outbox o
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.status IN ('failed','bounced')
       AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.incident_id = o.incident_id AND x.notice_version = o.notice_version AND x.kind = 'subject'
                       AND x.subject_id = o.subject_id AND x.status IN ('sent','delivered','claimed','pending','uncertain'))`,
    [incidentId, noticeVersion],
  );
  return r?.n ?? 0;
}

/** Rows of the notice version that bounced or failed, and SMS rows past their claim (settled one way or another). */
export async function countUndeliveredRows(
  db: Db,
  incidentId: string,
  noticeVersion: string,
): Promise<{ undelivered: number; smsSettled: number }> {
  const r = (await db.get<{ undelivered: number; sms_settled: number }>(
    `SELECT COALESCE(SUM(CAST(status IN ('bounced','failed') AS INTEGER)), 0) AS undelivered,
            COALESCE(SUM(CAST(channel = 'sms' AND status NOT IN ('pending','claimed') AS INTEGER)), 0) AS sms_settled
     FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject'`,
    [incidentId, noticeVersion],
  ))!;
  return { undelivered: r.undelivered, smsSettled: r.sms_settled };
}

/**
 * Moves up to `limit` rows that have been uncertain since `cutoff` or earlier, and were not re-sent
 * before, back to pending, flagged as possible duplicates; their ids.
 */
export async function markUncertainForResend(
  db: Db,
  q: { incidentId: string; noticeVersion: string; cutoff: string; limit: number },
): Promise<string[]> {
  const now = nowIso();
  const due = await db.transaction((tx) =>
    tx.all<{ id: string }>(
      `UPDATE outbox SET status = 'pending', possible_duplicate = 1, updated_at = ?
       WHERE id IN (SELECT id FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain'
                      AND possible_duplicate = 0 AND uncertain_at <= ? AND channel <> 'call' LIMIT ?${skipLocked(db)})
       RETURNING id`,
      [now, q.incidentId, q.noticeVersion, q.cutoff, q.limit],
    ),
  );
  return due.map((d) => d.id);
}

/**
 * For a row `o` read for a re-send or a fallback: whether a row of its version went to the person as a
 * correction, and then when another version told them (as pageWork's priorVersionAt).
 */
const CORRECTION_COLUMNS_SQL = `EXISTS (SELECT 1 FROM outbox c WHERE c.incident_id = o.incident_id AND c.notice_version = o.notice_version
       AND c.kind = 'subject' AND c.subject_id = o.subject_id AND c.is_correction = 1) AS "asCorrection",
     (SELECT MAX(COALESCE(x.sent_at, x.claimed_at, x.updated_at)) FROM outbox x
       WHERE x.incident_id = o.incident_id AND x.kind = 'subject' AND x.subject_id = o.subject_id AND x.notice_version <> o.notice_version
         AND x.channel IN ('email', 'sms') AND x.status NOT IN ${NOT_TOLD_STATUSES_SQL}) AS "priorVersionAt"`;

/** Those of these rows that are still pending, with the person's name and contacts. */
export async function listPendingRowsById(db: Db, ids: string[]): Promise<PendingSubjectRow[]> {
  const rows = await db.all<PendingSubjectRow & { incident_id: string }>(
    `SELECT o.id, o.subject_id, o.channel, o.locale, o.attempts, s.name, s.email, s.phone, s.jurisdiction, o.incident_id, ${CORRECTION_COLUMNS_SQL}
     FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.id IN (${jsonValues(db, '?', 'text')}) AND o.status = 'pending'`,
    [JSON.stringify(ids)],
  );
  // The ids come from one incident's claim; grouped anyway, since each incident has its own key.
  for (const incidentId of new Set(rows.map((r) => r.incident_id)))
    await openContacts(
      db,
      incidentId,
      rows.filter((r) => r.incident_id === incidentId),
    );
  return rows.map(({ incident_id: _incident, ...row }) => row);
}

/** When the earliest row still waiting for its one re-send became uncertain; null when none waits. */
export async function firstUncertainAt(db: Db, incidentId: string, noticeVersion: string): Promise<string | null> {
  const r = await db.get<{ first: string | null }>(
    `SELECT MIN(uncertain_at) AS first FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain' AND possible_duplicate = 0 AND channel <> 'call'`,
    [incidentId, noticeVersion],
  );
  return r?.first ?? null;
}

/** Rows uncertain again after their one re-send. */
export async function countUncertainAfterResend(db: Db, incidentId: string, noticeVersion: string): Promise<number> {
  const r = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain' AND possible_duplicate = 1`,
    [incidentId, noticeVersion],
  );
  return r?.n ?? 0;
}

export interface UncertainSmsRow {
  id: string;
  phone: string;
  name: string | null;
  locale: string;
  claimed_at: string | null;
  uncertain_at: string | null;
  /** 1 when the row went out as a correction (the notice behind a short preface). */
  is_correction: number;
  /** The person's residence: their SMS may be a legal variant's. */
  jurisdiction: string | null;
}

/** Uncertain SMS rows of the notice version, with the number they went to. */
export async function listUncertainSmsRows(
  db: Db,
  incidentId: string,
  noticeVersion: string,
): Promise<UncertainSmsRow[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<UncertainSmsRow>(
      `SELECT o.id, s.phone, s.name, s.jurisdiction, o.locale, o.claimed_at, o.uncertain_at, o.is_correction FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'sms' AND o.status = 'uncertain' AND s.phone IS NOT NULL`,
      [incidentId, noticeVersion],
    ),
  );
}

/** An uncertain SMS row Twilio shows a message for is sent; returns 1 when it moved, 0 when it was no longer uncertain. */
export async function markUncertainSmsSent(
  db: Db,
  id: string,
  message: { providerId: string; at: string },
): Promise<number> {
  const r = await db.run(
    "UPDATE outbox SET status = 'sent', provider = 'twilio', provider_id = ?, sent_at = ?, error = NULL, updated_at = ? WHERE id = ? AND status = 'uncertain'",
    [message.providerId, message.at, nowIso(), id],
  );
  return r.changes;
}

/**
 * A pending SMS row for each person whose email of the notice version bounced or failed and who
 * has a phone; a person who has an SMS row for the version already keeps it.
 */
export async function createSmsFallbackRows(db: Db, incidentId: string, noticeVersion: string): Promise<number> {
  const r = await db.run(
    `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, subject_id)
     SELECT ${rowIdSql(db, 'o.subject_id')}, o.incident_id, 'subject', o.recipient_ref, 'sms', o.locale, o.notice_version, 'subject-sms', 'pending', ?, o.subject_id
     FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'email' AND o.status IN ('bounced','failed') AND s.phone IS NOT NULL
     ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING`,
    [nowIso(), incidentId, noticeVersion],
  );
  return r.changes;
}

/** Up to 1000 pending SMS rows of the notice version, with the person's name and contacts. */
export async function listPendingSmsRows(
  db: Db,
  incidentId: string,
  noticeVersion: string,
): Promise<PendingSubjectRow[]> {
  return openContacts(
    db,
    incidentId,
    await db.all<PendingSubjectRow>(
      `SELECT o.id, o.subject_id, o.channel, o.locale, o.attempts, s.name, s.email, s.phone, s.jurisdiction, ${CORRECTION_COLUMNS_SQL}
     FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'sms' AND o.status = 'pending' LIMIT 1000`,
      [incidentId, noticeVersion],
    ),
  );
}

/**
 * Rows marked for their one re-send that were not sent go back to waiting as uncertain, the
 * flag cleared so the next attempt re-sends them: after a failed re-send (`ids`, with its
 * reason) or, with no ids, whatever a dead attempt left pending for this wave.
 */
export async function returnUnsentResends(
  db: Db,
  q: { incidentId: string; noticeVersion: string; ids?: string[]; error?: string },
): Promise<number> {
  const r = await db.run(
    `UPDATE outbox SET status = 'uncertain', possible_duplicate = 0, error = COALESCE(?, error), updated_at = ?
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'pending' AND possible_duplicate = 1 AND channel <> 'call'
       AND (CAST(? AS INTEGER) IS NULL OR id IN (${jsonValues(db, '?', 'text')}))`,
    [q.error ?? null, nowIso(), q.incidentId, q.noticeVersion, q.ids ? 1 : null, q.ids ? JSON.stringify(q.ids) : '[]'],
  );
  return r.changes;
}
