// Viewers of a large incident share one count of its outbox for a while, in
// proportion to what counting cost; a small incident's counts stay fresh.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { deliverySnapshot } from '../../server/use-cases/delivery-snapshot';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';

let db: Db;
let dir: string;
const INCIDENT = '01JSNAPSHOT000000000000001';

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('snapshot'));
  await seedIncident(db, INCIDENT, []);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const addSent = () =>
  db.run(
    "INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, sent_at) VALUES (?,?, 'subject', ?, 'email', 'en', ?, 't', 'sent', ?, ?)",
    [`snap${++n}`, INCIDENT, `r${n}`, NOTICE_VERSION, new Date().toISOString(), new Date().toISOString()],
  );

describe('delivery snapshot', () => {
  it('reuses a count for ten times as long as it took, then counts again', async () => {
    await addSent();
    let t = 0;
    const clock = () => t;
    const first = deliverySnapshot(db, INCIDENT, clock);
    t = 100; // counting "took" 100 ms: reused until 100 + 1,000
    expect((await first).counts.email.sent).toBe(1);

    await addSent();
    t = 900;
    const again = deliverySnapshot(db, INCIDENT, clock);
    expect(again).toBe(first);
    expect((await again).counts.email.sent).toBe(1);

    t = 1200;
    expect((await deliverySnapshot(db, INCIDENT, clock)).counts.email.sent).toBe(2);
  });

  it('shares one count between callers that arrive while it runs', async () => {
    let t = 5000;
    const clock = () => t;
    const a = deliverySnapshot(db, INCIDENT, clock);
    const b = deliverySnapshot(db, INCIDENT, clock);
    expect(b).toBe(a);
    t = 5000;
    await a;
  });
});
