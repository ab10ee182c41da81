// `npm run audit:verify`: walks the audit chain and says where it breaks.
// Exit 0 when intact, 1 when broken, 2 when it cannot run.
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDb } from '../store/connection';
import { verifyAuditChain } from '../store/audit';

async function main() {
  const config = loadAppConfig();
  const file = process.argv[2] ?? config.dbPath;
  const db = await openDb(file);
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
