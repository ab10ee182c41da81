// What a fan-out under faults left behind, from both sides: how often the stand-in
// received each person, the outbox rows, and who was flagged a possible duplicate
// against who really got the notice twice. The tests assert on these.
import type { Db } from '../../store/connection';
import type { Person } from './fan-out-fixture';
import type { SendGridStandIn } from './sendgrid-standin';

export interface DeliveryAudit {
  /** Receipts per person, in the order of `people`. */
  counts: number[];
  rows: { email: string; status: string; possible_duplicate: number }[];
  flagged: Set<string>;
  twice: string[];
}

export async function auditDelivery(
  db: Db,
  sendgrid: SendGridStandIn,
  incidentId: string,
  people: Person[],
): Promise<DeliveryAudit> {
  const counts = people.map((p) => sendgrid.countFor(p.email!));
  const rows = await db.all<{ email: string; status: string; possible_duplicate: number }>(
    'SELECT s.email, o.status, o.possible_duplicate FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ?',
    [incidentId],
  );
  const flagged = new Set(rows.filter((r) => r.possible_duplicate === 1).map((r) => r.email));
  const twice = people.filter((p) => sendgrid.countFor(p.email!) > 1).map((p) => p.email!);
  return { counts, rows, flagged, twice };
}
