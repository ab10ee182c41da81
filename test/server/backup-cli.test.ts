// `npm run backup` as an operator runs it while the app keeps writing: the copy is whole, its audit chain
// verifies and is a prefix of the live one, the manifest matches the file, and a database whose chain was
// tampered with is refused rather than called a backup.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin';
import { openDb, type Db } from '../../store/connection';
import { migrate } from '../../store/migrations';
import { appendAudit, verifyAuditChain } from '../../store/audit';
import { defaultTestEngine } from '../support/test-db';

let dataDir: string;
let backupDir: string;
let db: Db;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-backup-'));
  backupDir = path.join(dataDir, 'backups');
  db = await openDb(path.join(dataDir, 'breachline.sqlite'));
  await migrate(db);
  for (let i = 0; i < 50; i++) {
    await appendAudit(db, {
      incidentId: null,
      type: 'test.append',
      at: new Date().toISOString(),
      actor: { kind: 'system', id: 'before' },
      summary: `before ${i}`,
    });
  }
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const backup = (args: string[], env: Record<string, string> = {}) =>
  runBin('bin/backup.ts', args, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BREACHLINE_DATA_DIR: dataDir,
    ...env,
  });

function writer(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(__dirname, '../support/audit-writer.ts'),
        path.join(dataDir, 'breachline.sqlite'),
        String(count),
        'during',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

// SQLite's online backup is the embedded engine's own; PostgreSQL is backed up with its own tools (the
// refusal below is what the command does there), so a PostgreSQL run has nothing more to test here.
describe.skipIf(defaultTestEngine() === 'postgres')('npm run backup of the embedded SQLite database', () => {
  it('copies a database that is being written to, checks the copy, and writes a manifest that matches it', async () => {
    const writing = writer(3000);
    const r = await backup([backupDir]);
    await writing;
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/audit chain intact/);
    expect(r.out).toMatch(/keys are not in the backup/);

    const files = fs.readdirSync(backupDir).sort();
    expect(files).toHaveLength(2);
    const [copyName, manifestName] = files as [string, string];
    expect(copyName).toMatch(/^breachline-\d{8}T\d{6}Z\.sqlite$/);
    expect(manifestName).toBe(`${copyName}.json`);
    const copyFile = path.join(backupDir, copyName);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, manifestName), 'utf8')) as {
      sha256: string;
      bytes: number;
      auditRows: number;
      auditHead: { seq: number; hash: string };
      schemaVersion: number;
    };
    expect(manifest.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(copyFile)).digest('hex'));
    expect(manifest.bytes).toBe(fs.statSync(copyFile).size);
    expect(manifest.schemaVersion).toBeGreaterThanOrEqual(36);

    // The copy is a snapshot: at least what was there before, a prefix of the live chain.
    const live = await verifyAuditChain(db);
    expect(live.ok).toBe(true);
    expect(live.rows).toBe(3050);
    expect(manifest.auditRows).toBeGreaterThanOrEqual(50);
    expect(manifest.auditRows).toBeLessThanOrEqual(3050);
    const sameSeq = await db.get<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = ?', [
      manifest.auditHead.seq,
    ]);
    expect(sameSeq!.hash).toBe(manifest.auditHead.hash);

    const copy = await openDb(copyFile);
    try {
      const chain = await verifyAuditChain(copy);
      expect(chain).toMatchObject({ ok: true, rows: manifest.auditRows });
    } finally {
      await copy.close();
    }
  });

  it('refuses to call a copy with a broken audit chain a backup', async () => {
    await db.run("UPDATE audit_log SET summary = 'edited' WHERE seq = 7");
    const r = await backup([backupDir]);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/audit chain broken at row #7/);
    // Only the partial file is left, never one with a backup's name or a manifest.
    expect(fs.readdirSync(backupDir).filter((f) => f.endsWith('.sqlite') || f.endsWith('.json'))).toEqual([]);
  });

  it('says how to use it when the directory is missing', async () => {
    const r = await backup([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('usage: npm run backup -- <directory>');
  });
});

describe('npm run backup with PostgreSQL configured', () => {
  it('refuses and names PostgreSQL’s own tools, rather than copying a SQLite file left in the data directory', async () => {
    // The data directory still holds breachline.sqlite, as it does after a move to PostgreSQL.
    const r = await backup([backupDir], {
      BREACHLINE_DATABASE_URL: 'postgres://breachline@127.0.0.1:1/breachline',
      BREACHLINE_SECRETS_KEY: crypto.randomBytes(32).toString('base64'),
      BREACHLINE_PAYLOAD_KEY: crypto.randomBytes(32).toString('base64'),
    });
    expect(r.code, r.out).toBe(2);
    expect(r.out).toContain('BREACHLINE_DATABASE_URL');
    expect(r.out).toContain('pg_basebackup');
    expect(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []).toEqual([]);
  });
});
