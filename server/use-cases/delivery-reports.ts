// Provider delivery reports: recorded first, then any fallback they made owed is
// handed to Temporal. The report is what the provider needs acknowledged, so a
// Temporal outage never fails the request. The fallback is not lost either: the
// request row is written with the report (store/late-bounce-requests.ts)
// and every later report, for any incident, retries the signals still owed. The
// workflow's fallback is set-based over the outbox, so one late signal covers
// every report before it.
import { applyDeliveryReports, type DeliveryReport } from '../../store/delivery-status';
import { listOwedFallbacks, markFallbackSignalled } from '../../store/late-bounce-requests';
import type { UseCaseContext } from './context';

// Long enough for a healthy server, short enough that the provider's webhook call never times out.
const SIGNAL_BUDGET_MS = 2_000;

export async function recordDeliveryReports(
  ctx: Pick<UseCaseContext, 'db' | 'logger' | 'gateway'>,
  reports: DeliveryReport[],
): Promise<number> {
  const moved = await applyDeliveryReports(ctx.db, reports);
  await signalOwedFallbacks(ctx);
  return moved;
}

/** Signals every fallback request no signal has covered yet; returns how many Temporal took. */
export async function signalOwedFallbacks(ctx: Pick<UseCaseContext, 'db' | 'logger' | 'gateway'>): Promise<number> {
  const owed = await listOwedFallbacks(ctx.db);
  const deadline = Date.now() + SIGNAL_BUDGET_MS;
  let signalled = 0;
  for (const o of owed) {
    try {
      // Before an assessment there is no known consent to SMS: email-only keeps those people for the substitute notice.
      await ctx.gateway.signalBouncesReported(
        { incidentId: o.incidentId, noticeVersion: o.noticeVersion, channelPolicy: o.channelPolicy ?? 'email' },
        deadline,
      );
    } catch (err) {
      // Stop at the first failure: Temporal is down or slow, and the rest would only wait for the same answer.
      ctx.logger.warn(
        {
          incidentId: o.incidentId,
          owed: owed.length - signalled,
          err: err instanceof Error ? err.message : String(err),
        },
        'late-bounce fallback not signalled; retried with the next delivery report',
      );
      break;
    }
    await markFallbackSignalled(ctx.db, o);
    signalled += 1;
  }
  return signalled;
}
