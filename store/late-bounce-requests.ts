// Fallbacks owed after late delivery reports, one row per incident and notice
// version. The web process writes a request with the report that caused it and
// marks it signalled once Temporal has the signal; until then every later report
// retries it, so a Temporal outage delays a fallback but never drops it.
import type { Db, Tx } from './connection';
import { greatest, jsonText } from './dialect';
import type { ChannelPolicy } from '../workflows/types';
import { nowIso } from '../lib/clock';

export interface OwedFallback {
  incidentId: string;
  noticeVersion: string;
  generation: number;
  /** The incident's policy as last persisted; null before an assessment. */
  channelPolicy: ChannelPolicy | null;
}

/** Records a request for each (incident, version) among these outbox rows. */
export async function requestFallbacksTx(tx: Tx, outboxIds: string[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  const now = nowIso();
  let requested = 0;
  // Chunked to stay far below SQLite's bound-parameter limit.
  for (let i = 0; i < outboxIds.length; i += 500) {
    const ids = outboxIds.slice(i, i + 500);
    const r = await tx.run(
      `INSERT INTO late_bounce_requests (incident_id, notice_version, generation, signalled_through, requested_at)
       SELECT DISTINCT incident_id, notice_version, 1, 0, ? FROM outbox WHERE kind = 'subject' AND id IN (${ids.map(() => '?').join(',')})
       ON CONFLICT (incident_id, notice_version) DO UPDATE SET generation = late_bounce_requests.generation + 1, requested_at = excluded.requested_at`,
      [now, ...ids],
    );
    requested += r.changes;
  }
  return requested;
}

/** Requests no successful signal has covered yet, oldest first. */
export async function listOwedFallbacks(db: Db, limit = 100): Promise<OwedFallback[]> {
  const rows = await db.all<{
    incident_id: string;
    notice_version: string;
    generation: number;
    channel_policy: string | null;
  }>(
    `SELECT r.incident_id, r.notice_version, r.generation, ${jsonText(db, 'i.state_json', ['facts', 'channelPolicy'])} AS channel_policy
     FROM late_bounce_requests r LEFT JOIN incidents i ON i.id = r.incident_id
     WHERE r.generation > r.signalled_through ORDER BY r.requested_at LIMIT ?`,
    [limit],
  );
  return rows.map((r) => ({
    incidentId: r.incident_id,
    noticeVersion: r.notice_version,
    generation: r.generation,
    channelPolicy: asPolicy(r.channel_policy),
  }));
}

export async function markFallbackSignalled(
  db: Db,
  o: Pick<OwedFallback, 'incidentId' | 'noticeVersion' | 'generation'>,
): Promise<void> {
  await db.run(
    `UPDATE late_bounce_requests SET signalled_through = ${greatest(db, 'signalled_through', 'CAST(? AS INTEGER)')} WHERE incident_id = ? AND notice_version = ?`,
    [o.generation, o.incidentId, o.noticeVersion],
  );
}

function asPolicy(v: string | null): ChannelPolicy | null {
  return v === 'email' || v === 'sms_fallback' || v === 'both' || v === 'call' || v === 'sms_or_call' ? v : null;
}
