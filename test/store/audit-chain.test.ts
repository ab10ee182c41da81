// The audit chain stays intact when two processes append at once, and any edit,
// deletion or reordering of a row is detected.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { appendAudit, verifyAuditChain } from '../../store/audit';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('audit chain on %s', (engine) => {
  let t: TestDb;
  /** The SQLite file or the PostgreSQL URL, as the other processes are given it. */
  let file: string;
  let db: Db;

  beforeEach(async () => {
    t = await openTestDb(engine, 'audit');
    file = t.dbPath ?? t.url!;
    db = t.db;
  });
  afterEach(() => t.drop());

  const writer = (label: string, count: number) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, '../support/audit-writer.ts'), file, String(count), label],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} exited ${code}: ${err}`))));
    });

  it('verifies after concurrent appends from two processes and this one', async () => {
    const local = Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        appendAudit(db, {
          incidentId: null,
          type: 'test.append',
          at: new Date().toISOString(),
          actor: { kind: 'system', id: 'local' },
          summary: `local ${i}`,
        }),
      ),
    );
    await Promise.all([writer('web', 150), writer('worker', 150), local]);
    const r = await verifyAuditChain(db);
    expect(r).toMatchObject({ ok: true, rows: 350 });
    const perWriter = await db.all<{ actor: string; n: number }>(
      'SELECT actor, COUNT(*) AS n FROM audit_log GROUP BY actor ORDER BY actor',
    );
    expect(perWriter).toEqual([
      { actor: 'system:local', n: 50 },
      { actor: 'system:web', n: 150 },
      { actor: 'system:worker', n: 150 },
    ]);
  });

  it('detects an edited, a deleted and a re-hashed row', async () => {
    for (let i = 0; i < 5; i++)
      await appendAudit(db, {
        incidentId: 'i',
        type: 't',
        at: new Date().toISOString(),
        actor: { kind: 'user', id: 'u' },
        summary: `row ${i}`,
      });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await db.run("UPDATE audit_log SET summary = 'forged' WHERE seq = 3");
    expect((await verifyAuditChain(db)).error).toEqual({ seq: 3, reason: 'row content does not match its hash' });
    await db.run("UPDATE audit_log SET summary = 'row 2' WHERE seq = 3");
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await db.run('DELETE FROM audit_log WHERE seq = 4');
    expect((await verifyAuditChain(db)).error?.seq).toBe(5);
  });

  it('appends an event with a known key once, however often an activity retries', async () => {
    const entry = {
      incidentId: 'i',
      type: 't',
      at: new Date().toISOString(),
      actor: { kind: 'system' as const, id: 'w' },
      summary: 's',
      eventKey: 'i:1',
    };
    const a = await appendAudit(db, entry);
    const b = await appendAudit(db, entry);
    expect(b.seq).toBe(a.seq);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!.n).toBe(1);
  });

  it('audit:verify exits 0 on an intact chain and 1 on a broken one', async () => {
    await appendAudit(db, {
      incidentId: null,
      type: 't',
      at: new Date().toISOString(),
      actor: { kind: 'user', id: 'u' },
      summary: 'x',
    });
    const run = () =>
      new Promise<number>((resolve) => {
        const c = spawn(
          process.execPath,
          ['--import', 'tsx', path.join(__dirname, '../../bin/audit-verify.ts'), file],
          { stdio: 'ignore' },
        );
        c.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await run()).toBe(0);
    await db.run("UPDATE audit_log SET actor = 'user:mallory'");
    expect(await run()).toBe(1);
  });
});
