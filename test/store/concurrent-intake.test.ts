// Two web servers (two connections to one database, each with its own intake group commit) taking
// alerts with one key at the same moment: they open one incident between them, and each alert
// takes its own place in the incident's sequence. Two forwarders never hold one incident's lease
// at once on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whileForwardingIncident } from '../../store/alerts';
import { openDb, type Db } from '../../store/connection';
import { openPostgres } from '../../store/connection-postgres';
import { createIntake, ingestDelivery } from '../../server/use-cases/ingest-alert';
import { oneAlertDelivery } from '../support/alert-delivery';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let t: TestDb;
  let other: Db;
  beforeAll(async () => {
    t = await openTestDb(engine, 'intake');
    other = t.url ? await openPostgres(t.url, { max: 4 }) : await openDb(t.dbPath!);
  });
  afterAll(async () => {
    await other?.close();
    await t?.drop();
  });

  it('ten alerts with one key sent alternately to two web servers make one incident, each in its own place', async () => {
    const commits = [createIntake(t.db, { maxBacklog: 1_000_000 }), createIntake(other, { maxBacklog: 1_000_000 })];
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ingestDelivery(
          commits[i % 2]!,
          oneAlertDelivery({ source: 'monitor', dedupKey: 'disk-full', deliveryKey: `delivery-${i}` }),
        ),
      ),
    );
    const incidents = new Set(outcomes.map((o) => ('incidentId' in o ? o.incidentId : null)));
    expect(incidents.size).toBe(1);
    expect((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM incidents'))!.n).toBe(1);
    const seqs = await t.db.all<{ seq: number }>('SELECT seq FROM alerts ORDER BY seq');
    expect(seqs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  // Leases exist only on PostgreSQL, where forwarders on several hosts share the buffer; SQLite serves
  // one host, and a repeat there is absorbed by the workflow's high-water mark (store/alerts.ts).
  it.runIf(engine === 'postgres')('a second forwarder skips an incident whose lease the first holds', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = whileForwardingIncident(t.db, 'inc-lease', async () => {
      entered();
      await held;
      return 'first';
    });
    await inside;
    expect(await whileForwardingIncident(other, 'inc-lease', async () => 'second')).toBeNull();
    expect(await whileForwardingIncident(other, 'inc-other', async () => 'other incident')).toBe('other incident');
    release();
    expect(await first).toBe('first');
    expect(await whileForwardingIncident(other, 'inc-lease', async () => 'second')).toBe('second');
  });
});
