// Delivery counts and progress as the incident page and API show them. Counting
// a million-row outbox takes about half a second, and during a large breach many
// people watch the page, each refreshing every 15 s. A snapshot is reused for ten
// times as long as it took to take, so a small incident's counts are never stale
// by more than milliseconds, a million-person wave's by a few seconds, and
// viewers arriving together share one count.
import type { Db } from '../../store/connection';
import { deliveryCounts } from '../../store/outbox';
import { deliveryProgress, type DeliveryProgress } from '../../store/delivery-progress';
import type { DeliveryCounts } from '../../workflows/types';

export interface DeliverySnapshot {
  counts: Record<'email' | 'sms', DeliveryCounts>;
  progress: DeliveryProgress;
}

const REUSE_FACTOR = 10;
const MAX_REUSE_MS = 10_000;
const MAX_ENTRIES = 500;

const snapshots = new Map<string, { until: number; value: Promise<DeliverySnapshot> }>();

export function deliverySnapshot(db: Db, incidentId: string, now: () => number = Date.now): Promise<DeliverySnapshot> {
  const key = `${db.file}|${incidentId}`;
  const hit = snapshots.get(key);
  if (hit && hit.until >= now()) return hit.value;
  const started = now();
  const entry = { until: Number.POSITIVE_INFINITY, value: take(db, incidentId) };
  snapshots.set(key, entry);
  if (snapshots.size > MAX_ENTRIES) snapshots.delete(snapshots.keys().next().value!);
  entry.value.then(
    () => {
      const took = now() - started;
      entry.until = now() + Math.min(MAX_REUSE_MS, took * REUSE_FACTOR);
    },
    () => snapshots.delete(key),
  );
  return entry.value;
}

async function take(db: Db, incidentId: string): Promise<DeliverySnapshot> {
  const counts = await deliveryCounts(db, incidentId);
  return { counts, progress: await deliveryProgress(db, incidentId, counts) };
}
