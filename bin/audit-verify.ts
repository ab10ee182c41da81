// `npm run audit:verify`: walks the audit chain and says where it breaks.
// Exit 0 when intact, 1 when broken, 2 when it cannot run.
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDatabase } from '../store/database';
import { verifyAuditChain } from '../store/audit';

async function main() {
  const config = loadAppConfig();
  // An argument names a SQLite file or a postgres:// URL; without one, the configured database.
  const target = process.argv[2];
  const db = await openDatabase(
    target === undefined
      ? config
      : /^postgres(ql)?:\/\//.test(target)
        ? { dbPath: config.dbPath, databaseUrl: target, databaseCaFile: config.databaseCaFile }
        : { dbPath: target },
  );
  const r = await verifyAuditChain(db);
  await db.close();
  if (r.ok) {
    console.log(`audit chain intact: ${r.rows} rows; head #${r.head?.seq ?? 0} ${r.head?.hash ?? '(empty)'}`);
    return 0;
  }
  console.error(`audit chain BROKEN at row #${r.error!.seq}: ${r.error!.reason} (${r.rows} rows checked)`);
  return 1;
}

runCommand(main);
