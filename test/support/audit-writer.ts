// A separate process that appends audit rows, standing in for the web server
// or the worker writing to the same database at the same time.
import { openDatabase } from '../../store/database';
import { appendAudit } from '../../store/audit';

async function main() {
  const [file, count, label] = process.argv.slice(2);
  // A SQLite file or a postgres:// URL.
  const db = await openDatabase(/^postgres/.test(file!) ? { dbPath: '', databaseUrl: file } : { dbPath: file! });
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < Number(count); i++) {
    writes.push(
      appendAudit(db, {
        incidentId: null,
        type: 'test.append',
        at: new Date().toISOString(),
        actor: { kind: 'system', id: label! },
        summary: `${label} ${i}`,
      }),
    );
    if (i % 10 === 0) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(writes);
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
