// Uncertain rows (a timeout, a reset, a worker killed mid-request) resolve
// themselves: a SendGrid event carrying the row id (applied by the webhook) or a
// Twilio message found for that number since the claim marks them sent. Rows
// still uncertain after the configured wait are re-sent once, flagged as possible
// duplicates: for a breach notice a duplicate is better than a person never told.
import type { PendingSubjectRow } from '../store/outbox-pages';
import { sendRows, type SendNoticeDeps } from './send-notice-page';
import { nowIso } from '../lib/clock';

export interface ResolveUncertainInput {
  incidentId: string;
  noticeVersion: string;
}

export interface ResolveUncertainResult {
  foundSent: number;
  resent: number;
  /** Rows still uncertain after their one re-send; reported, not re-sent again. */
  stillUncertain: number;
  /** When the next uncertain row's wait ends; null when none is waiting. */
  nextCheckInMs: number | null;
}

const CHUNK = 1000;

export const createResolveUncertain =
  (deps: SendNoticeDeps & { uncertainWaitMs: number }) =>
  async (input: ResolveUncertainInput): Promise<ResolveUncertainResult> => {
    const { db } = deps;
    const foundSent = deps.sms.findSentSince ? await findSentSms(deps, input) : 0;
    let resent = 0;
    const cutoff = new Date(Date.now() - deps.uncertainWaitMs).toISOString();
    for (;;) {
      const now = nowIso();
      const due = await db.transaction((tx) =>
        tx.all<{ id: string }>(
          `UPDATE outbox SET status = 'pending', possible_duplicate = 1, updated_at = ?
           WHERE id IN (SELECT id FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain'
                          AND possible_duplicate = 0 AND uncertain_at <= ? LIMIT ?)
           RETURNING id`,
          [now, input.incidentId, input.noticeVersion, cutoff, CHUNK],
        ),
      );
      if (due.length === 0) break;
      const rows = await db.all<PendingSubjectRow>(
        `SELECT o.id, o.subject_id, o.channel, o.locale, o.attempts, s.name, s.email, s.phone
         FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.id IN (SELECT value FROM json_each(?)) AND o.status = 'pending'`,
        [JSON.stringify(due.map((d) => d.id))],
      );
      await sendRows(deps, input.incidentId, input.noticeVersion, rows);
      resent += rows.length;
    }
    const waiting = await db.get<{ first: string | null }>(
      `SELECT MIN(uncertain_at) AS first FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain' AND possible_duplicate = 0`,
      [input.incidentId, input.noticeVersion],
    );
    const still = await db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND notice_version = ? AND kind = 'subject' AND status = 'uncertain' AND possible_duplicate = 1`,
      [input.incidentId, input.noticeVersion],
    );
    const nextCheckInMs = waiting?.first
      ? Math.max(1000, Date.parse(waiting.first) + deps.uncertainWaitMs - Date.now())
      : null;
    return { foundSent, resent, stillUncertain: still?.n ?? 0, nextCheckInMs };
  };

async function findSentSms(deps: SendNoticeDeps, input: ResolveUncertainInput): Promise<number> {
  const rows = await deps.db.all<{ id: string; phone: string; claimed_at: string | null; uncertain_at: string | null }>(
    `SELECT o.id, s.phone, o.claimed_at, o.uncertain_at FROM outbox o JOIN subjects s ON s.id = o.subject_id
     WHERE o.incident_id = ? AND o.notice_version = ? AND o.kind = 'subject' AND o.channel = 'sms' AND o.status = 'uncertain' AND s.phone IS NOT NULL`,
    [input.incidentId, input.noticeVersion],
  );
  let found = 0;
  for (const r of rows) {
    const since = new Date(r.claimed_at ?? r.uncertain_at ?? Date.now());
    const messages = await deps.sms.findSentSince!(r.phone, since);
    if (!messages || messages.length === 0) continue;
    const m = messages[0]!;
    const now = nowIso();
    const changed = await deps.db.run(
      "UPDATE outbox SET status = 'sent', provider = 'twilio', provider_id = ?, sent_at = ?, error = NULL, updated_at = ? WHERE id = ? AND status = 'uncertain'",
      [m.providerId, m.at, now, r.id],
    );
    found += changed.changes;
  }
  return found;
}
