// Uncertain rows (a timeout, a reset, a worker killed mid-request) resolve
// themselves: a SendGrid event or Twilio status callback carrying the row id
// (applied by the webhook), or a Twilio message to that number since the claim
// whose text is this person's notice, marks them sent. Phone and time alone are
// not enough: a household sharing a phone would have one person's message mark
// another's unsent row. Rows
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
import { isGateClosed } from '../store/send-gates';
import { safeErrorSummary } from './providers';
import { noticeCache, sendRows, type SendNoticeDeps } from './send-notice-page';
import { normalizeLocale, substitute, variantOfJurisdiction } from './render';
import type { SendAttempt } from './send-attempt';

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
  /**
   * The incident's send gate blocks this version: no re-send was made (or the re-sends stopped
   * claiming); rows not re-sent wait as uncertain again. Absent when not.
   */
  gated?: boolean;
}

const CHUNK = 1000;

export const createResolveUncertain =
  (deps: SendNoticeDeps & { uncertainWaitMs: number }) =>
  async (input: ResolveUncertainInput, attempt: SendAttempt): Promise<ResolveUncertainResult> => {
    const { db } = deps;
    const wave = { incidentId: input.incidentId, noticeVersion: input.noticeVersion };
    // A dead attempt may have marked rows for re-send and died before sending them.
    await returnUnsentResends(db, wave);
    const foundSent = deps.sms.findSentSince ? await findSentSms(deps, input) : 0;
    let resent = 0;
    // Checked here so a closed gate marks nothing for re-send, and again in every claim (sendRows).
    let gated = await isGateClosed(db, input.incidentId, input.noticeVersion);
    const cutoff = new Date(Date.now() - deps.uncertainWaitMs).toISOString();
    while (!gated) {
      const due = await markUncertainForResend(db, {
        incidentId: input.incidentId,
        noticeVersion: input.noticeVersion,
        cutoff,
        limit: CHUNK,
      });
      if (due.length === 0) break;
      const rows = await listPendingRowsById(db, due);
      let r: Awaited<ReturnType<typeof sendRows>>;
      try {
        r = await sendRows(deps, attempt, input.noticeVersion, rows);
      } catch (err) {
        // Rows the failed re-send left pending wait as uncertain again, for this activity's retry.
        await returnUnsentResends(db, { ...wave, ids: due, error: safeErrorSummary(err).message });
        throw err;
      }
      if (r.gated) {
        // The gate closed mid-way: rows it kept from being claimed wait as uncertain again, unsent.
        await returnUnsentResends(db, { ...wave, ids: due });
        resent += r.sent + r.failed + r.uncertain;
        gated = true;
        break;
      }
      resent += rows.length;
    }
    const waitingSince = await firstUncertainAt(db, input.incidentId, input.noticeVersion);
    const stillUncertain = await countUncertainAfterResend(db, input.incidentId, input.noticeVersion);
    const nextCheckInMs = waitingSince
      ? Math.max(1000, Date.parse(waitingSince) + deps.uncertainWaitMs - Date.now())
      : null;
    return gated
      ? { foundSent, resent, stillUncertain, nextCheckInMs, gated: true }
      : { foundSent, resent, stillUncertain, nextCheckInMs };
  };

async function findSentSms(deps: SendNoticeDeps, input: ResolveUncertainInput): Promise<number> {
  const rows = await listUncertainSmsRows(deps.db, input.incidentId, input.noticeVersion);
  const notice = noticeCache(deps.db, input.incidentId, input.noticeVersion);
  // A message accounts for one row only, even when two rows would have had the same text.
  const used = new Set<string>();
  let found = 0;
  for (const r of rows) {
    const since = new Date(r.claimed_at ?? r.uncertain_at ?? Date.now());
    const messages = await deps.sms.findSentSince!(r.phone, since);
    if (!messages || messages.length === 0) continue;
    const locale = normalizeLocale(r.locale);
    const sms = await notice(locale, 'sms', variantOfJurisdiction(r.jurisdiction));
    const expected = substitute(sms.text, { recipientName: r.name }, 'text', locale);
    // A correction is the person's notice behind a short preface naming the earlier notice's day.
    const matches = (body: string | null) =>
      body === expected || (r.is_correction === 1 && body !== null && body.endsWith(expected));
    const m = messages.find((x) => matches(x.body) && !used.has(x.providerId));
    if (!m) continue;
    used.add(m.providerId);
    found += await markUncertainSmsSent(deps.db, r.id, m);
  }
  return found;
}
