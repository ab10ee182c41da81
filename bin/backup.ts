// `npm run backup -- <dir>`: an online copy of the embedded SQLite database into <dir>, taken while the
// app runs, then opened and checked (SQLite's integrity check and the audit chain) before it is called a
// backup. Beside it a manifest (.json) with its SHA-256, schema version, audit head and row counts.
// The keys are NOT copied: a backup that carries its own keys protects nothing, so the contact key and
// the payload key must be kept apart (see docs/deploy.md). Exit 0 done, 1 the copy failed its checks,
// 2 cannot run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDb } from '../store/connection';
import { verifyAuditChain } from '../store/audit';
import { copySqliteInto, integrityProblems, schemaVersion, tableCounts } from '../store/backup';

const USAGE = 'usage: npm run backup -- <directory>';

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

async function main(): Promise<number> {
  const [dir, extra] = process.argv.slice(2);
  if (!dir || extra !== undefined) {
    console.error(USAGE);
    return 2;
  }
  const config = loadAppConfig();
  // After a move to PostgreSQL the old SQLite file may still be in the data directory: a copy of it
  // would look like a backup and hold none of the records written since.
  if (config.databaseUrl) {
    console.error(
      'the database is PostgreSQL (BREACHLINE_DATABASE_URL): back it up with its own tools, WAL archiving with pg_basebackup and pg_dump (see docs/deploy.md); this command copies the embedded SQLite database only',
    );
    return 2;
  }
  if (!fs.existsSync(config.dbPath)) {
    console.error(`no database at ${config.dbPath} (BREACHLINE_DATA_DIR): nothing to back up`);
    return 2;
  }
  fs.mkdirSync(dir, { recursive: true });
  const createdAt = new Date();
  const name = `breachline-${stamp(createdAt)}.sqlite`;
  const final = path.resolve(dir, name);
  // Written under a temporary name and renamed once checked, so a file with the final name is always whole.
  const partial = `${final}.partial`;
  fs.rmSync(partial, { force: true });

  const source = await openDb(config.dbPath);
  try {
    await copySqliteInto(source, partial);
  } finally {
    await source.close();
  }

  const copy = await openDb(partial);
  let manifest: Record<string, unknown>;
  try {
    const problems = await integrityProblems(copy);
    const chain = await verifyAuditChain(copy);
    if (problems.length > 0 || !chain.ok) {
      console.error(
        `backup FAILED its checks, kept as ${partial}: ${problems.length > 0 ? `integrity: ${problems.slice(0, 5).join('; ')}` : `audit chain broken at row #${chain.error!.seq}: ${chain.error!.reason}`}`,
      );
      return 1;
    }
    manifest = {
      engine: 'sqlite',
      file: name,
      createdAt: createdAt.toISOString(),
      schemaVersion: await schemaVersion(copy),
      auditRows: chain.rows,
      auditHead: chain.head,
      rows: await tableCounts(copy),
    };
  } finally {
    await copy.close();
  }
  // The copy's connection may have left WAL files; the backup is the single file.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
  fs.renameSync(partial, final);
  const bytes = fs.statSync(final).size;
  const digest = await sha256(final);
  fs.writeFileSync(`${final}.json`, `${JSON.stringify({ ...manifest, bytes, sha256: digest }, null, 2)}\n`, {
    mode: 0o600,
  });
  fs.chmodSync(final, 0o600);
  const head = manifest.auditHead as { seq: number; hash: string } | null;
  console.log(
    `backup ${final} (${bytes} bytes, sha256 ${digest}); schema ${String(manifest.schemaVersion)}; audit chain intact: ${String(manifest.auditRows)} rows, head #${head?.seq ?? 0} ${head?.hash ?? '(empty)'}`,
  );
  console.log(
    'The keys are not in the backup: keep BREACHLINE_SECRETS_KEY (or contacts.key) and BREACHLINE_PAYLOAD_KEY (or payload.key) backed up apart from it, or the contact data in it cannot be read.',
  );
  return 0;
}

runCommand(main);
