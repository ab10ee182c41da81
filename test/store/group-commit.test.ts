// Group commit: writes submitted together share a transaction, and a job that fails takes down
// only itself: its caller gets the error, the others' writes are committed, its own are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createGroupCommit } from '../../store/group-commit';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await openTestDb(engine, 'group-commit', { migrate: false });
    db = t.db;
    await db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
  });
  afterAll(() => t.drop());

  const ids = async () => (await db.all<{ id: string }>('SELECT id FROM t ORDER BY id')).map((r) => r.id);

  it('commits the jobs that succeed and undoes only the one that fails', async () => {
    let groups = 0;
    const commit = createGroupCommit(db, {
      beforeCommit: async () => {
        groups++;
      },
    });
    const insert = (id: string) => commit((tx) => tx.run('INSERT INTO t (id) VALUES (?)', [id]).then(() => id));
    const results = await Promise.allSettled([
      insert('a'),
      insert('b'),
      commit(async (tx) => {
        await tx.run("INSERT INTO t (id) VALUES ('c')");
        await tx.run("INSERT INTO t (id) VALUES ('a')"); // already there: this job fails
      }),
      insert('d'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await ids()).toEqual(['a', 'b', 'd']);
    // The first job ran alone; the three that queued behind it shared one group, which failed and ran again one by one.
    expect(groups).toBeGreaterThanOrEqual(3);
  });
});
