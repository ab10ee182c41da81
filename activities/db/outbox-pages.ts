// Set-based outbox writes for one page of subject notices (a range of subject
// ids), so a million people cost about a thousand statements of each kind rather
// than a million. Every transition names the state it leaves, so a repeated or
// concurrent call never moves a row twice or backwards.
import type { Db } from './connection';

export interface PageBounds {
  incidentId: string;
  noticeVersion: string;
  fromId: number;
  toId: number;
}

export interface PendingSubjectRow {
  id: string;
  subject_id: number;
  channel: 'email' | 'sms';
  locale: string;
  attempts: number;
  name: string | null;
  email: string | null;
  phone: string | null;
}

const nowIso = () => new Date().toISOString();

/** 32 hex characters: the subject id (12) then 20 random. */
export const ROW_ID_SQL = "printf('%012x', id) || lower(hex(randomblob(10)))";

/** One row per person and channel under the policy; rows already there are left alone. */
export async function createPageRows(db: Db, b: PageBounds, policy: 'email' | 'sms_fallback' | 'both'): Promise<void> {
  const channels: { channel: 'email' | 'sms'; where: string }[] =
    policy === 'both'
      ? [
          { channel: 'email', where: 'email IS NOT NULL' },
          { channel: 'sms', where: 'phone IS NOT NULL' },
        ]
      : policy === 'email'
        ? [{ channel: 'email', where: 'email IS NOT NULL' }]
        : [
            { channel: 'email', where: 'email IS NOT NULL' },
            { channel: 'sms', where: 'email IS NULL AND phone IS NOT NULL' },
          ];
  const now = nowIso();
  await db.transaction(async (tx) => {
    for (const c of channels) {
      // The row id travels to providers (custom args, callback URLs): no personal data, only the subject
      // id in front, so a million inserts append to the primary-key index instead of landing at random
      // in it, and random bits behind, so two rows of one person differ.
      await tx.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, subject_id)
         SELECT ${ROW_ID_SQL}, incident_id, 'subject', CAST(id AS TEXT), ?, locale, ?, ?, 'pending', ?, id
         FROM subjects WHERE incident_id = ? AND id BETWEEN ? AND ? AND ${c.where}
         ON CONFLICT (incident_id, kind, recipient_ref, channel, notice_version) DO NOTHING`,
        [c.channel, b.noticeVersion, `subject-${c.channel}`, now, b.incidentId, b.fromId, b.toId],
      );
    }
  });
}

/** Rows a dead attempt claimed in this range: the provider may have taken them. */
export async function markPageClaimsUncertain(db: Db, b: PageBounds): Promise<number> {
  const now = nowIso();
  const r = await db.run(
    `UPDATE outbox SET status = 'uncertain', uncertain_at = ?, updated_at = ?, error = 'worker stopped during the provider call; outcome unknown'
     WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND subject_id BETWEEN ? AND ? AND status = 'claimed'`,
    [now, now, b.incidentId, b.noticeVersion, b.fromId, b.toId],
  );
  return r.changes;
}

export async function pendingPageRows(db: Db, b: PageBounds): Promise<PendingSubjectRow[]> {
  return db.all<PendingSubjectRow>(
    `SELECT o.id, o.subject_id, o.channel, o.locale, o.attempts, s.name, s.email, s.phone
     FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.subject_id BETWEEN ? AND ? AND o.status = 'pending'
     ORDER BY o.subject_id, o.channel`,
    [b.incidentId, b.noticeVersion, b.fromId, b.toId],
  );
}

/** Claims the rows still pending (committed before the provider is called); returns the ids claimed. */
export async function claimRows(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const now = nowIso();
  const rows = await db.transaction((tx) =>
    tx.all<{ id: string }>(
      `UPDATE outbox SET status = 'claimed', attempts = attempts + 1, claimed_at = ?, updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status = 'pending' RETURNING id`,
      [now, now, JSON.stringify(ids)],
    ),
  );
  return new Set(rows.map((r) => r.id));
}

export type ClaimOutcome =
  | { status: 'sent'; provider: string; providerId: string | null }
  | { status: 'pending' | 'failed' | 'uncertain'; error: string };

/** Moves claimed rows to their outcome; rows no longer claimed (a webhook got there first) are left alone. */
export async function finishClaims(db: Db, ids: string[], o: ClaimOutcome): Promise<void> {
  if (ids.length === 0) return;
  const now = nowIso();
  const list = JSON.stringify(ids);
  if (o.status === 'sent') {
    await db.run(
      `UPDATE outbox SET status = 'sent', provider = ?, provider_id = ?, error = NULL, sent_at = ?, updated_at = ?
       WHERE id IN (SELECT value FROM json_each(?)) AND status = 'claimed'`,
      [o.provider, o.providerId, now, now, list],
    );
  } else {
    await db.run(
      `UPDATE outbox SET status = ?, error = ?, updated_at = ?, uncertain_at = CASE WHEN ? = 'uncertain' THEN ? ELSE uncertain_at END
       WHERE id IN (SELECT value FROM json_each(?)) AND status = 'claimed'`,
      [o.status, o.error, now, o.status, now, list],
    );
  }
}

/** Marks claimed rows sent, each with its own provider id (SMS: one message sid per row), in one transaction. */
export async function finishSentClaims(db: Db, provider: string, sent: { id: string; providerId: string | null }[]): Promise<void> {
  if (sent.length === 0) return;
  const now = nowIso();
  await db.run(
    `UPDATE outbox SET status = 'sent', provider = ?, error = NULL, sent_at = ?, updated_at = ?,
       provider_id = (SELECT json_extract(j.value, '$.p') FROM json_each(?4) j WHERE json_extract(j.value, '$.id') = outbox.id)
     WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(?4)) AND status = 'claimed'`,
    [provider, now, now, JSON.stringify(sent.map((x) => ({ id: x.id, p: x.providerId })))],
  );
}

export interface NoticeTotals {
  total: number;
  sent: number;
  failed: number;
  uncertain: number;
  possibleDuplicates: number;
}

export async function noticeTotals(db: Db, incidentId: string, noticeVersion: string): Promise<NoticeTotals> {
  const r = await db.get<{ total: number; sent: number | null; failed: number | null; uncertain: number | null; dup: number | null }>(
    `SELECT COUNT(*) AS total, SUM(status IN ('sent','delivered')) AS sent, SUM(status IN ('failed','bounced')) AS failed,
            SUM(status = 'uncertain') AS uncertain, SUM(possible_duplicate) AS dup
     FROM outbox WHERE incident_id = ? AND kind = 'subject' AND notice_version = ?`,
    [incidentId, noticeVersion],
  );
  return { total: r?.total ?? 0, sent: r?.sent ?? 0, failed: r?.failed ?? 0, uncertain: r?.uncertain ?? 0, possibleDuplicates: r?.dup ?? 0 };
}
