// Uncertain rows (a timeout, a reset, a worker killed mid-request) resolve
// themselves: a SendGrid event carrying the row id (applied by the webhook) or a
// Twilio message found for that number since the claim marks them sent. Rows
// still uncertain after the configured wait are re-sent once, flagged as possible
// duplicates: for a breach notice a duplicate is better than a person never told.
import {
  countUncertainAfterResend,
  firstUncertainAt,
  listPendingRowsById,
  listUncertainSmsRows,
  markUncertainForResend,
  markUncertainSmsSent,
  returnUnsentResends,
} from '../store/outbox-pages';
import { safeErrorSummary } from './providers';
import { sendRows, type SendNoticeDeps } from './send-notice-page';

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
    const wave = { incidentId: input.incidentId, noticeVersion: input.noticeVersion };
    // A dead attempt may have marked rows for re-send and died before sending them.
    await returnUnsentResends(db, wave);
    const foundSent = deps.sms.findSentSince ? await findSentSms(deps, input) : 0;
    let resent = 0;
    const cutoff = new Date(Date.now() - deps.uncertainWaitMs).toISOString();
    for (;;) {
      const due = await markUncertainForResend(db, {
        incidentId: input.incidentId,
        noticeVersion: input.noticeVersion,
        cutoff,
        limit: CHUNK,
      });
      if (due.length === 0) break;
      const rows = await listPendingRowsById(db, due);
      try {
        await sendRows(deps, input.incidentId, input.noticeVersion, rows);
      } catch (err) {
        // Rows the failed re-send left pending wait as uncertain again, for this activity's retry.
        await returnUnsentResends(db, { ...wave, ids: due, error: safeErrorSummary(err).message });
        throw err;
      }
      resent += rows.length;
    }
    const waitingSince = await firstUncertainAt(db, input.incidentId, input.noticeVersion);
    const stillUncertain = await countUncertainAfterResend(db, input.incidentId, input.noticeVersion);
    const nextCheckInMs = waitingSince
      ? Math.max(1000, Date.parse(waitingSince) + deps.uncertainWaitMs - Date.now())
      : null;
    return { foundSent, resent, stillUncertain, nextCheckInMs };
  };

async function findSentSms(deps: SendNoticeDeps, input: ResolveUncertainInput): Promise<number> {
  const rows = await listUncertainSmsRows(deps.db, input.incidentId, input.noticeVersion);
  let found = 0;
  for (const r of rows) {
    const since = new Date(r.claimed_at ?? r.uncertain_at ?? Date.now());
    const messages = await deps.sms.findSentSince!(r.phone, since);
    if (!messages || messages.length === 0) continue;
    const m = messages[0]!;
    found += await markUncertainSmsSent(deps.db, r.id, m);
  }
  return found;
}
