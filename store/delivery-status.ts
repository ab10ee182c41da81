// Provider delivery reports applied to outbox rows. Reports repeat and arrive
// out of order, so each is applied once (by its event key) and only ever moves a
// row forward: pending < claimed, uncertain < sent < delivered | bounced | failed.
// A subject notice that moves to bounced or failed leaves a fallback request in
// the same transaction (see late-bounce-requests.ts).
import type { Db } from './connection';
import { requestFallbacksTx } from './late-bounce-requests';
import { nowIso } from '../lib/clock';

export type ReportedStatus = 'sent' | 'delivered' | 'bounced' | 'failed';

export interface DeliveryReport {
  /** Provider's id for this report (sg_event_id, MessageSid:MessageStatus). */
  eventKey: string;
  outboxId: string;
  status: ReportedStatus;
  providerId?: string | null;
  /** The provider's reason for a bounce or failure, without addresses. */
  reason?: string | null;
  at: string;
}

const RANK_SQL =
  "CASE status WHEN 'pending' THEN 0 WHEN 'claimed' THEN 1 WHEN 'uncertain' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END";
const RANK: Record<ReportedStatus, number> = { sent: 2, delivered: 3, bounced: 3, failed: 3 };

/** Applies the reports; returns how many rows moved. */
export async function applyDeliveryReports(db: Db, reports: DeliveryReport[]): Promise<number> {
  if (reports.length === 0) return 0;
  const now = nowIso();
  return db.transaction(async (tx) => {
    let moved = 0;
    const undelivered: string[] = [];
    for (const r of reports) {
      const fresh = await tx.run(
        'INSERT INTO delivery_events (event_key, outbox_id, status, received_at) VALUES (?,?,?,?) ON CONFLICT (event_key) DO NOTHING',
        [r.eventKey, r.outboxId, r.status, now],
      );
      if (fresh.changes === 0) continue;
      const u = await tx.run(
        `UPDATE outbox SET status = ?, updated_at = ?, provider_id = COALESCE(provider_id, ?),
           sent_at = COALESCE(sent_at, ?), delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END,
           error = CASE WHEN ? IN ('bounced','failed') THEN ? ELSE error END
         WHERE id = ? AND ${RANK_SQL} < ?`,
        [
          r.status,
          now,
          r.providerId ?? null,
          r.at,
          r.status,
          r.at,
          r.status,
          r.reason ?? null,
          r.outboxId,
          RANK[r.status],
        ],
      );
      moved += u.changes;
      if (u.changes > 0 && (r.status === 'bounced' || r.status === 'failed')) undelivered.push(r.outboxId);
    }
    await requestFallbacksTx(tx, undelivered);
    return moved;
  });
}
