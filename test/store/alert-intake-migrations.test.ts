// Migrations 024 and 025 turn the alerts table into the intake buffer: rows already there get
// their place in their incident's sequence, and the backlog depth the webhook checks on every
// request is kept by triggers equal to a count of the waiting rows, whatever changes them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { loadMigrations } from '../../store/migrations';
import { insertAlertTx, intakeBacklogDepth, markAlertsDelivered, reassignAlertTx } from '../../store/alerts';
import { insertTestIncident } from '../support/incident-row';

let db: Db;
beforeAll(async () => {
  db = await openDb(':memory:');
});
afterAll(async () => {
  await db.close();
});

const waiting = async () =>
  (await db.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM alerts WHERE signalled_at IS NULL AND incident_id IS NOT NULL',
  ))!.n;

it('numbers the rows already there per incident and keeps the backlog depth equal to the waiting rows', async () => {
  const migrations = loadMigrations();
  for (const m of migrations.filter((x) => x.id < 24)) await db.exec(m.sql);
  await insertTestIncident(db, 'I1');
  await insertTestIncident(db, 'I2');
  const old = (id: string, incident: string | null, at: string, signalled: string | null) =>
    db.run(
      `INSERT INTO alerts (id, source, dedup_key, action, incident_id, summary, severity, body_json, received_at, signalled_at)
       VALUES (?, 'm', 'k', 'trigger', ?, 's', 'high', '{}', ?, ?)`,
      [id, incident, at, signalled],
    );
  await old('a2', 'I1', '2026-12-01T00:00:02Z', null);
  await old('a1', 'I1', '2026-12-01T00:00:01Z', '2026-12-01T00:00:05Z');
  await old('b1', 'I2', '2026-12-01T00:00:03Z', null);
  await old('x1', null, '2026-12-01T00:00:04Z', null);
  for (const m of migrations.filter((x) => x.id === 24 || x.id === 25)) await db.exec(m.sql);

  const rows = await db.all<{ id: string; seq: number | null }>('SELECT id, seq FROM alerts ORDER BY id');
  expect(rows).toEqual([
    { id: 'a1', seq: 1 },
    { id: 'a2', seq: 2 },
    { id: 'b1', seq: 1 },
    { id: 'x1', seq: null },
  ]);
  expect(await intakeBacklogDepth(db)).toBe(2);

  await db.transaction((tx) =>
    insertAlertTx(tx, {
      id: 'a3',
      source: 'm',
      dedupKey: 'k',
      action: 'trigger',
      incidentId: 'I1',
      summary: 's',
      severity: 'high',
      bodyJson: '{}',
      receivedAt: '2026-12-01T00:00:06Z',
      seq: 3,
    }),
  );
  expect(await intakeBacklogDepth(db)).toBe(3);
  await markAlertsDelivered(db, 'I1', 3, '2026-12-01T00:00:07Z');
  expect(await intakeBacklogDepth(db)).toBe(1);
  await db.transaction((tx) => reassignAlertTx(tx, 'b1', null, null));
  expect(await intakeBacklogDepth(db)).toBe(0);
  await db.transaction((tx) => reassignAlertTx(tx, 'x1', 'I2', 1));
  expect(await intakeBacklogDepth(db)).toBe(1);
  await db.run("DELETE FROM alerts WHERE id = 'x1'");
  expect(await intakeBacklogDepth(db)).toBe(await waiting());
  expect(await waiting()).toBe(0);
});
