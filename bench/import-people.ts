// N people written to a CSV and imported through the API's import code, as
// bench/fanout.ts does: the fault runs start from the same rows a real import leaves.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/connection';
import { csvRows, storeSubjects } from '../server/use-cases/import-subjects';
import { seedIncident } from '../test/support/fan-out-fixture';

export const personEmail = (i: number) => `person${i}@example.org`;

/** Creates the incident with its approved notice, imports N people; returns the import's seconds. */
export async function importPeople(db: Db, dir: string, incidentId: string, recipients: number): Promise<number> {
  await seedIncident(db, incidentId, []);
  const csvPath = path.join(dir, `${incidentId}.csv`);
  const out = fs.createWriteStream(csvPath);
  out.write('name,email,phone,jurisdiction,locale\n');
  for (let i = 0; i < recipients; i++) {
    if (!out.write(`Person ${i},${personEmail(i)},,${i % 2 ? 'DE' : 'US-CA'},${i % 7 === 0 ? 'zh-CN' : 'en'}\n`))
      await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  const t = performance.now();
  const imported = await storeSubjects(db, incidentId, csvRows(fs.createReadStream(csvPath)), 'bench');
  if (imported.imported !== recipients)
    throw new Error(`imported ${imported.imported} of ${recipients}: ${JSON.stringify(imported.rejected.slice(0, 3))}`);
  fs.rmSync(csvPath);
  return (performance.now() - t) / 1000;
}
