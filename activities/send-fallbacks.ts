// A person whose email bounced, was dropped or was refused for good gets the
// SMS instead, where they have a phone and the incident's policy allows SMS.
// Reports that arrive while the wave is still running are caught here; the rest
// of those people count toward the public substitute notice.
import { createSmsFallbackRows, listPendingSmsRows } from '../store/outbox-pages';
import { isGateClosed } from '../store/send-gates';
import { sendRows, type SendNoticeDeps } from './send-notice-page';
import type { SendAttempt } from './send-attempt';
import type { ChannelPolicy } from '../workflows/types';

export const createSendFallbacks =
  (deps: SendNoticeDeps) =>
  async (
    input: { incidentId: string; noticeVersion: string; channelPolicy: ChannelPolicy },
    attempt: SendAttempt,
  ): Promise<{ fallbacks: number; gated?: boolean }> => {
    // Under `call` a refused email leads to a call (place-calls.ts), not an SMS.
    if (input.channelPolicy === 'email' || input.channelPolicy === 'call') return { fallbacks: 0 };
    // The send gate is checked in every claim (sendRows); a closed gate also creates no fallback rows.
    if (await isGateClosed(deps.db, input.incidentId, input.noticeVersion)) return { fallbacks: 0, gated: true };
    await createSmsFallbackRows(deps.db, input.incidentId, input.noticeVersion);
    let sent = 0;
    for (;;) {
      const rows = await listPendingSmsRows(deps.db, input.incidentId, input.noticeVersion);
      if (rows.length === 0) return { fallbacks: sent };
      const r = await sendRows(deps, attempt, input.noticeVersion, rows);
      // Rows the closed gate kept from being claimed stay pending; the wave ends.
      if (r.gated) return { fallbacks: sent + r.sent + r.failed + r.uncertain, gated: true };
      sent += rows.length;
      // Rows a provider keeps refusing stay pending for the next call rather than looping here.
      if (r.sent + r.failed + r.uncertain === 0) return { fallbacks: sent };
    }
  };
