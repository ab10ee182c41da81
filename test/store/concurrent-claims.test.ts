// Two workers (two connections to one database, as two hosts would have) claiming the same page
// at the same moment: every row is claimed by exactly one of them, and a row due for its one
// re-send is handed to exactly one. On SQLite the single writer keeps them apart; on PostgreSQL
// the claim statements must (a conditional UPDATE, ON CONFLICT, FOR UPDATE SKIP LOCKED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { openPostgres } from '../../store/connection-postgres';
import { claimSubjectRows, markUncertainForResend, pageWork, type PendingSubjectRow } from '../../store/outbox-pages';
import { beginSendAttempt } from '../../store/send-attempts';
import { makePeople, NOTICE_VERSION, seedIncident } from '../support/fan-out-fixture';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let t: TestDb;
  let other: Db;
  beforeAll(async () => {
    t = await openTestDb(engine, 'claims');
    other = t.url ? await openPostgres(t.url, { max: 4 }) : await openDb(t.dbPath!);
  });
  afterAll(async () => {
    await other?.close();
    await t?.drop();
  });

  const PEOPLE = 400;

  async function pageOf(db: Db, incidentId: string, ids: number[]): Promise<PendingSubjectRow[]> {
    const b = { incidentId, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[ids.length - 1]! };
    return (await pageWork(db, b, 'email')).rows;
  }

  /** Claims the rows in batches of 20, as a page's provider calls do. */
  async function claimAll(db: Db, incidentId: string, rows: PendingSubjectRow[], attemptId: string) {
    const got: string[] = [];
    for (let i = 0; i < rows.length; i += 20)
      for (const r of await claimSubjectRows(db, incidentId, NOTICE_VERSION, rows.slice(i, i + 20), attemptId))
        got.push(r.id!);
    return got;
  }

  it('two workers claiming one page at once claim each person once between them', async () => {
    const incidentId = '01JCLAIMS00000000000000001';
    const ids = await seedIncident(t.db, incidentId, makePeople(PEOPLE, { prefix: 'cl1' }));
    for (const [db, id] of [
      [t.db, 'claims-a'],
      [other, 'claims-b'],
    ] as const)
      await beginSendAttempt(db, { id, activityKey: `test/claims/${id}`, attempt: 1, incidentId, kind: 'page' });
    // Each worker read the page before either claimed, as two workers given one page would.
    const [rowsA, rowsB] = await Promise.all([pageOf(t.db, incidentId, ids), pageOf(other, incidentId, ids)]);
    const [a, b] = await Promise.all([
      claimAll(t.db, incidentId, rowsA, 'claims-a'),
      claimAll(other, incidentId, rowsB, 'claims-b'),
    ]);
    expect(a.length + b.length).toBe(PEOPLE);
    expect(new Set([...a, ...b]).size).toBe(PEOPLE);
    const rows = await t.db.get<{ n: number; claimed: number }>(
      "SELECT COUNT(*) AS n, SUM(CAST(status = 'claimed' AS INTEGER)) AS claimed FROM outbox WHERE incident_id = ?",
      [incidentId],
    );
    expect(rows).toEqual({ n: PEOPLE, claimed: PEOPLE });
  });

  it('two workers picking uncertain rows for their one re-send pick each row once between them', async () => {
    const incidentId = '01JCLAIMS00000000000000002';
    const ids = await seedIncident(t.db, incidentId, makePeople(PEOPLE, { prefix: 'cl2' }));
    await beginSendAttempt(t.db, {
      id: 'claims-c',
      activityKey: 'test/claims/c',
      attempt: 1,
      incidentId,
      kind: 'page',
    });
    await claimAll(t.db, incidentId, await pageOf(t.db, incidentId, ids), 'claims-c');
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.db.run("UPDATE outbox SET status = 'uncertain', uncertain_at = ? WHERE incident_id = ?", [
      past,
      incidentId,
    ]);
    const q = { incidentId, noticeVersion: NOTICE_VERSION, cutoff: new Date().toISOString(), limit: 50 };
    const drain = async (db: Db) => {
      const got: string[] = [];
      for (
        let batch = await markUncertainForResend(db, q);
        batch.length > 0;
        batch = await markUncertainForResend(db, q)
      )
        got.push(...batch);
      return got;
    };
    const [a, b] = await Promise.all([drain(t.db), drain(other)]);
    expect(a.length + b.length).toBe(PEOPLE);
    expect(new Set([...a, ...b]).size).toBe(PEOPLE);
  });
});
