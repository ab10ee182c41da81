// The intake buffer as the webhook's backpressure and the admins' page see it: how many committed
// alerts wait for the forwarder, and how long the oldest has waited.
import { intakeBacklog } from '../../store/alerts';
import type { Db } from '../../store/connection';

export interface IntakeStatus {
  backlog: number;
  maxBacklog: number;
  /** Age of the oldest undelivered alert in seconds; 0 when nothing waits. */
  lagSeconds: number;
  oldestUndeliveredAt: string | null;
}

export async function intakeStatus(db: Db, maxBacklog: number, now = Date.now()): Promise<IntakeStatus> {
  const b = await intakeBacklog(db);
  return {
    backlog: b.depth,
    maxBacklog,
    lagSeconds: b.oldestAt ? Math.max(0, Math.round((now - Date.parse(b.oldestAt)) / 100) / 10) : 0,
    oldestUndeliveredAt: b.oldestAt,
  };
}
