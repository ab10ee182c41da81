// An incident applying a storm's batch of alerts appends its events in a few statements: the rows
// must be the ones appending them one by one would make (same chain, seen event keys skipped).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { migrate } from '../../store/migrations';
import { appendAuditManyTx, appendAuditTx, verifyAuditChain, type AuditEntry } from '../../store/audit';

let dir: string;
const dbs: Db[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-audit-many-'));
});
afterAll(async () => {
  for (const db of dbs) await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freshDb(name: string): Promise<Db> {
  const db = await openDb(path.join(dir, `${name}.sqlite`));
  await migrate(db);
  dbs.push(db);
  return db;
}

const entry = (i: number, eventKey?: string): AuditEntry => ({
  incidentId: null,
  type: 'alert.trigger',
  at: `2026-12-07T10:00:${String(i).padStart(2, '0')}.000Z`,
  actor: { kind: 'webhook', id: 'mon' },
  summary: `Alert trigger received ${i}`,
  details: { alertId: `alr_${i}`, note: 'quotes " and \\ survive' },
  eventKey,
});

it('writes the rows one-by-one appends would, skipping keys already stored or repeated in the batch', async () => {
  const one = await freshDb('one');
  const many = await freshDb('many');
  const first = [entry(0, 'k0'), entry(1)];
  const batch = [entry(2, 'k0'), entry(3, 'k3'), entry(4), entry(5, 'k3'), entry(6, 'k6')];
  for (const db of [one, many])
    await db.transaction(async (tx) => {
      for (const e of first) await appendAuditTx(tx, e);
    });
  await one.transaction(async (tx) => {
    for (const e of batch) await appendAuditTx(tx, e);
  });
  await many.transaction((tx) => appendAuditManyTx(tx, batch));

  const rows = (db: Db) => db.all<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY seq');
  const expected = await rows(one);
  expect(expected).toHaveLength(5);
  expect(await rows(many)).toEqual(expected);
  expect((await verifyAuditChain(many)).ok).toBe(true);
});
