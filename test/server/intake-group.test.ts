// The intake writes each group of deliveries set-wise (a few statements for the whole group), so
// what one alert of a group decided must be seen by the next ones as if each had its own
// transaction: alerts of one new key make one incident with consecutive places in its sequence,
// the same delivery twice is answered once, and the backlog depth counts the group's own rows. The
// forwarder marks many incidents' rows in one write, each only up to the place it signalled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createIntake, type Delivery } from '../../server/use-cases/ingest-alert';
import { markAlertsDeliveredMany } from '../../store/alerts';
import { oneAlertDelivery } from '../support/alert-delivery';
import { openTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let db: Db;
let transactions = 0;
let counted: Db;
beforeAll(async () => {
  t = await openTestDb(undefined, 'intake-group');
  db = t.db;
  counted = {
    ...db,
    transaction: (fn) => {
      transactions++;
      return db.transaction(fn);
    },
  };
});
afterAll(async () => {
  await t?.drop();
});

let n = 0;
const delivery = (dedupKey: string, action: 'trigger' | 'resolve' = 'trigger', deliveryKey = `d-${n++}`): Delivery =>
  oneAlertDelivery({ source: 'mon', dedupKey, action, deliveryKey, summary: `alert ${n}` });

/** The first delivery runs alone; everything submitted while it runs shares the next transaction. */
async function inOneGroup(intake: ReturnType<typeof createIntake>, ds: Delivery[]) {
  const opener = intake(delivery(`opener-${n}`));
  const before = transactions;
  const results = await Promise.all(ds.map((d) => intake(d)));
  await opener;
  expect(transactions - before).toBe(1);
  return results;
}

it('gives alerts of one new key in one group one incident and consecutive places', async () => {
  const intake = createIntake(counted, { maxBacklog: 1_000 });
  const results = await inOneGroup(intake, [
    delivery('disk-full'),
    delivery('cpu-hot'),
    delivery('disk-full'),
    delivery('disk-full', 'resolve'),
    delivery('never-opened', 'resolve'),
  ]);
  const ids = results.map((r) => (r.kind === 'accepted' && 'incidentId' in r.answer ? r.answer.incidentId : null));
  expect(ids[0]).toBeTruthy();
  expect(ids[2]).toBe(ids[0]);
  expect(ids[3]).toBe(ids[0]);
  expect(ids[1]).not.toBe(ids[0]);
  expect(results[4]).toMatchObject({ kind: 'accepted', answer: { ignored: true } });

  const rows = await db.all<{ seq: number; action: string }>(
    'SELECT seq, action FROM alerts WHERE incident_id = ? ORDER BY seq',
    [ids[0]!],
  );
  expect(rows).toEqual([
    { seq: 1, action: 'trigger' },
    { seq: 2, action: 'trigger' },
    { seq: 3, action: 'resolve' },
  ]);
  const incidents = await db.all<{ id: string }>("SELECT id FROM incidents WHERE title LIKE 'alert %'");
  expect(incidents).toHaveLength(3);

  // A later group continues the sequence where the database has it.
  const later = await intake(delivery('disk-full'));
  expect(later).toMatchObject({ kind: 'accepted', answer: { incidentId: ids[0] } });
  expect(
    (await db.get<{ seq: number }>('SELECT MAX(seq) AS seq FROM alerts WHERE incident_id = ?', [ids[0]!]))!.seq,
  ).toBe(4);
});

it('answers the same delivery twice in one group once, and its replay later with the first answer', async () => {
  const intake = createIntake(counted, { maxBacklog: 1_000 });
  const same = delivery('replayed-key', 'trigger', 'same-delivery');
  const [first, second] = await inOneGroup(intake, [same, { ...same }]);
  expect(first!.kind).toBe('accepted');
  expect(second!.kind).toBe('replayed');
  const answer = first!.kind === 'accepted' ? first!.answer : null;
  expect(second).toEqual({ kind: 'replayed', earlier: { status: 202, body: answer } });
  expect(await intake({ ...same })).toEqual({ kind: 'replayed', earlier: { status: 202, body: answer } });
  expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM alerts WHERE dedup_key = 'replayed-key'"))!.n).toBe(1);
});

it("refuses past the backlog depth counting the group's own rows, and writes nothing for the refused", async () => {
  const depth = (await db.get<{ depth: number }>('SELECT depth FROM intake_backlog WHERE id = 1'))!.depth;
  // The opener of the group takes one place; two more fit.
  const intake = createIntake(counted, { maxBacklog: depth + 3 });
  const results = await inOneGroup(intake, [
    delivery('full-a'),
    delivery('full-a'),
    delivery('full-b'),
    delivery('full-a'),
  ]);
  expect(results.map((r) => r.kind)).toEqual(['accepted', 'accepted', 'overloaded', 'overloaded']);
  expect(
    (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM alerts WHERE dedup_key IN ('full-a', 'full-b')"))!.n,
  ).toBe(2);
  expect((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM alert_dedup WHERE dedup_key = 'full-b'"))!.n).toBe(0);
});

it("marks several incidents' rows delivered in one write, each only up to its own place", async () => {
  const intake = createIntake(counted, { maxBacklog: 10_000 });
  const [a1, a2, a3, b1] = await Promise.all([
    intake(delivery('mark-a')),
    intake(delivery('mark-a')),
    intake(delivery('mark-a')),
    intake(delivery('mark-b')),
  ]);
  const incidentOf = (r: typeof a1) => (r.kind === 'accepted' && 'incidentId' in r.answer ? r.answer.incidentId : '');
  expect(incidentOf(a2)).toBe(incidentOf(a1));
  expect(incidentOf(a3)).toBe(incidentOf(a1));
  const depth = async () => (await db.get<{ depth: number }>('SELECT depth FROM intake_backlog WHERE id = 1'))!.depth;
  const before = await depth();
  await markAlertsDeliveredMany(
    db,
    [
      { incidentId: incidentOf(a1), throughSeq: 2 },
      { incidentId: incidentOf(b1), throughSeq: 1 },
    ],
    '2026-12-07T12:00:00.000Z',
  );
  const waiting = await db.all<{ incident_id: string; seq: number }>(
    "SELECT incident_id, seq FROM alerts WHERE dedup_key IN ('mark-a', 'mark-b') AND signalled_at IS NULL",
  );
  expect(waiting).toEqual([{ incident_id: incidentOf(a1), seq: 3 }]);
  expect(await depth()).toBe(before - 3);
});
