// `npm run migrate:to-postgres -- <postgres url>`: moves an embedded SQLite installation (the one in
// BREACHLINE_DATA_DIR) into an empty PostgreSQL database. Creates the schema, copies every table (parents
// first, one transaction per table), compares the row counts, moves the identity sequences past the
// copied ids and verifies the audit chain on arrival. Refuses a target that already holds records, and
// a source whose chain does not verify. Stop the app first (docs/deploy.md): it refuses while a web, worker
// or forwarder process is registered alive on the data directory (lib/running-processes.ts), since rows
// they commit after their table was copied would be left behind. Exit 0 done, 1 refused or failed a
// check, 2 cannot run.
import fs from 'node:fs';
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { liveProcesses } from '../lib/running-processes';
import { openDb } from '../store/connection';
import { openDatabase, describeDatabase } from '../store/database';
import { migrate } from '../store/migrations';
import { verifyAuditChain } from '../store/audit';
import { copyTable, countRows, resyncIdentities, tablesInCopyOrder } from '../store/copy-database';

const USAGE = 'usage: npm run migrate:to-postgres -- <postgres://user@host:5432/database>';

async function main(): Promise<number> {
  const [url, extra] = process.argv.slice(2);
  if (!url || extra !== undefined || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadAppConfig();
  const running = liveProcesses(config.dataDir);
  if (running.length > 0) {
    console.error(
      `the app is running on ${config.dataDir}: ${running.map((p) => `${p.role} (pid ${p.pid})`).join(', ')}; stop it first (docs/deploy.md), then run this again`,
    );
    return 1;
  }
  if (!fs.existsSync(config.dbPath)) {
    console.error(`no SQLite database at ${config.dbPath} (BREACHLINE_DATA_DIR): nothing to move`);
    return 2;
  }
  const source = await openDb(config.dbPath);
  const target = await openDatabase({ dbPath: config.dbPath, databaseUrl: url, databaseCaFile: config.databaseCaFile });
  try {
    // The source's schema must be the one this code knows, or columns would not line up.
    await migrate(source);
    const before = await verifyAuditChain(source);
    if (!before.ok) {
      console.error(
        `the SQLite audit chain is broken at row #${before.error!.seq} (${before.error!.reason}); nothing copied`,
      );
      return 1;
    }
    await migrate(target);
    const tables = await tablesInCopyOrder(source);
    for (const t of tables) {
      if ((await countRows(target, t)) > 0) {
        console.error(`${describeDatabase(target)} already holds rows in ${t}; it must be empty. Nothing copied.`);
        return 1;
      }
    }
    let total = 0;
    for (const t of tables) {
      const copied = await copyTable(source, target, t);
      const [inSource, inTarget] = [await countRows(source, t), await countRows(target, t)];
      if (copied !== inSource || inTarget !== inSource) {
        console.error(`${t}: ${inSource} rows in SQLite, ${inTarget} in PostgreSQL after the copy; stopped`);
        return 1;
      }
      total += copied;
      console.log(`${t}: ${copied} rows`);
    }
    await resyncIdentities(target);
    const after = await verifyAuditChain(target);
    if (!after.ok || after.rows !== before.rows || after.head?.hash !== before.head?.hash) {
      console.error(
        `the audit chain does not verify in PostgreSQL (${after.ok ? `head ${after.head?.hash ?? '(empty)'} vs ${before.head?.hash ?? '(empty)'}` : `broken at row #${after.error!.seq}`})`,
      );
      return 1;
    }
    console.log(
      `copied ${tables.length} tables, ${total} rows, into ${describeDatabase(target)}; audit chain intact: ${after.rows} rows, head #${after.head?.seq ?? 0} ${after.head?.hash ?? '(empty)'} (same as SQLite)`,
    );
    console.log(
      'Next: set BREACHLINE_DATABASE_URL and the keys from the data directory on every host (docs/deploy.md).',
    );
    return 0;
  } finally {
    await target.close();
    await source.close();
  }
}

runCommand(main);
