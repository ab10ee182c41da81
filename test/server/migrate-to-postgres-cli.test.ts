// `npm run migrate:to-postgres` as an operator runs it: an installation's SQLite file (an incident with
// people, approved notices, alerts through the intake, an audit chain) arrives whole in an empty
// PostgreSQL database, its chain verifies there with the same head, new rows get fresh ids, and a second
// run is refused because the target is no longer empty. And it refuses to start while an app process
// runs on the data directory: rows committed after their table was copied would stay behind in SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin';
import { cleanEnv, killAllManaged, spawnScript } from '../support/app-process';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { oneAlertDelivery } from '../support/alert-delivery';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';
import { makePeople, seedIncident } from '../support/fan-out-fixture';
import { openDb, type Db } from '../../store/connection';
import { migrate } from '../../store/migrations';
import { appendAudit, verifyAuditChain } from '../../store/audit';
import { countRows, tablesInCopyOrder } from '../../store/copy-database';
import { createIntake, ingestDelivery } from '../../server/use-cases/ingest-alert';
import { runDir } from '../../lib/running-processes';

// The move needs a PostgreSQL target: without the run's cluster (binaries not found) there is nothing to move to.
describe.runIf(testEngines().includes('postgres'))('npm run migrate:to-postgres', () => {
  let dataDir: string;
  let sqlite: Db;
  let target: TestDb;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-move-'));
    sqlite = await openDb(path.join(dataDir, 'breachline.sqlite'));
    await migrate(sqlite);
    await seedIncident(sqlite, 'inc-moved', makePeople(300, { phoneOnlyEvery: 7 }));
    const intake = createIntake(sqlite, { maxBacklog: 1_000_000 });
    for (let i = 0; i < 5; i++)
      await ingestDelivery(
        intake,
        oneAlertDelivery({ source: 'monitor', dedupKey: 'disk-full', deliveryKey: `delivery-${i}` }),
      );
    for (let i = 0; i < 20; i++)
      await appendAudit(sqlite, {
        incidentId: 'inc-moved',
        type: 'test.moved',
        at: new Date().toISOString(),
        actor: { kind: 'system', id: 'test' },
        summary: `entry ${i}`,
      });
    await sqlite.close();
    // An empty database: the command creates the schema itself.
    target = await openTestDb('postgres', 'move', { migrate: false });
  });
  afterAll(async () => {
    await target?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const move = () =>
    runBin('bin/migrate-to-postgres.ts', [target.url!], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BREACHLINE_DATA_DIR: dataDir,
    });

  it('copies every table, verifies the audit chain with the same head, and moves the ids on', async () => {
    const r = await move();
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/audit chain intact: \d+ rows, head #\d+ [0-9a-f]{64} \(same as SQLite\)/);

    const source = await openDb(path.join(dataDir, 'breachline.sqlite'));
    try {
      for (const t of await tablesInCopyOrder(source))
        expect(await countRows(target.db, t), t).toBe(await countRows(source, t));
      expect(await countRows(target.db, 'subjects')).toBe(300);
      expect(await countRows(target.db, 'alerts')).toBe(5);
      const [from, to] = [await verifyAuditChain(source), await verifyAuditChain(target.db)];
      expect(to).toMatchObject({ ok: true, rows: from.rows, head: from.head });
    } finally {
      await source.close();
    }
    // The backlog counter was recounted by PostgreSQL's triggers, not copied: 5 alerts wait.
    expect((await target.db.get<{ depth: number }>('SELECT depth FROM intake_backlog WHERE id = 1'))!.depth).toBe(5);
    // A person added after the move gets an id past the copied ones.
    const max = (await target.db.get<{ m: number }>('SELECT MAX(id) AS m FROM subjects'))!.m;
    const added = await target.db.get<{ id: number }>(
      "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES ('inc-moved', 'N', 'n@example.org', NULL, 'DE', 'en', 'imp_after', 'k-after') RETURNING id",
    );
    expect(added!.id).toBeGreaterThan(max);
  });

  it('refuses a target that already holds records, and copies nothing more', async () => {
    const before = await countRows(target.db, 'subjects');
    const r = await move();
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/already holds rows in \w+; it must be empty/);
    expect(await countRows(target.db, 'subjects')).toBe(before);
  });
});

describe('npm run migrate:to-postgres while the app runs', () => {
  let dataDir: string;
  let target: TestDb | undefined;
  // The refusal comes before PostgreSQL is touched, so without a cluster an address nothing answers on will do.
  let url = 'postgres://breachline@127.0.0.1:9/never';

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-move-busy-'));
    if (testEngines().includes('postgres')) {
      target = await openTestDb('postgres', 'move_busy', { migrate: false });
      url = target.url!;
    }
  });
  afterAll(async () => {
    await killAllManaged();
    await target?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const move = () =>
    runBin('bin/migrate-to-postgres.ts', [url], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BREACHLINE_DATA_DIR: dataDir,
    });
  const tablesInTarget = async () =>
    (await target!.db.get<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    ))!.n;

  it('refuses, naming the process, while a forwarder runs on the data directory; goes ahead once it stopped', async () => {
    const forwarder = spawnScript(
      'forwarder',
      'bin/forwarder.ts',
      cleanEnv({
        BREACHLINE_DATA_DIR: dataDir,
        BREACHLINE_LOG_LEVEL: 'info',
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_TASK_QUEUE: uniqueTaskQueue('move-busy'),
      }),
    );
    await forwarder.waitForLine(/alert forwarder started/, 60_000);

    const refused = await move();
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain(
      `the app is running on ${dataDir}: forwarder (pid ${forwarder.pid}); stop it first (docs/deploy.md), then run this again`,
    );
    if (target) expect(await tablesInTarget()).toBe(0);

    const stopped = await forwarder.stop('SIGTERM');
    expect(stopped.code, forwarder.logs()).toBe(0);
    expect(fs.readdirSync(runDir(dataDir))).toEqual([]);

    const after = await move();
    expect(after.out).not.toContain('the app is running');
    if (target) {
      expect(after.code, after.out).toBe(0);
      expect(await tablesInTarget()).toBeGreaterThan(0);
    }
  });
});
