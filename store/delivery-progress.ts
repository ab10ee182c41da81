// How far a notice wave has got: the send rate over the last minute and, from
// it, when the rows still waiting should be through.
import type { Db } from './connection';
import type { DeliveryCounts } from '../workflows/types';

export interface DeliveryProgress {
  /** Rows sent per second over the last minute, both channels. */
  perSecond: number;
  /** Seconds until the pending and claimed rows are sent at that rate; null when nothing is moving or left. */
  etaSeconds: number | null;
  /** Rows not yet through the provider. */
  remaining: number;
  /** Per channel: rows, rows through the provider (sent or beyond), and the share in percent. */
  channels: Record<'email' | 'sms', { total: number; done: number; percent: number }>;
}

function channelProgress(c: DeliveryCounts) {
  const total = c.pending + c.claimed + c.sent + c.delivered + c.bounced + c.failed + c.uncertain;
  // Failed and bounced rows are finished too: the bar shows what is still to do.
  const done = c.sent + c.delivered + c.bounced + c.failed;
  return { total, done, percent: total ? Math.floor((100 * done) / total) : 0 };
}

const WINDOW_MS = 60_000;

export async function deliveryProgress(
  db: Db,
  incidentId: string,
  counts: Record<'email' | 'sms', DeliveryCounts>,
  now = Date.now(),
): Promise<DeliveryProgress> {
  const remaining = counts.email.pending + counts.email.claimed + counts.sms.pending + counts.sms.claimed;
  const since = new Date(now - WINDOW_MS).toISOString();
  const r = await db.get<{ n: number; first: string | null }>(
    "SELECT COUNT(*) AS n, MIN(sent_at) AS first FROM outbox WHERE incident_id = ? AND sent_at >= ? AND kind = 'subject'",
    [incidentId, since],
  );
  const n = r?.n ?? 0;
  // Over the time actually spent sending, so a wave that began 5 s ago is not averaged over a minute.
  const spanMs = r?.first ? Math.max(1000, now - Date.parse(r.first)) : WINDOW_MS;
  const perSecond = n / (spanMs / 1000);
  const etaSeconds = remaining > 0 && perSecond > 0 ? Math.ceil(remaining / perSecond) : null;
  return {
    perSecond: Math.round(perSecond * 10) / 10,
    etaSeconds,
    remaining,
    channels: { email: channelProgress(counts.email), sms: channelProgress(counts.sms) },
  };
}
