// The data-subject import at scale: writes N rows of a realistic CSV (names,
// emails, some phones in local formatting, several jurisdictions and locales,
// about 3% invalid rows), imports it with storeSubjects into a fresh SQLite
// file, then imports it again, which must add nobody. One JSON line. The first import, into another
// incident of the same file with contact sealing off, is the baseline of `sealedToUnsealed`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { csvRows, storeSubjects } from '../server/use-cases/import-subjects';
import { useContactMasterKeys } from '../store/contact-keys';
import { openFixtureDb, seedIncident } from '../test/support/fan-out-fixture';
import { argNumber, machine, sampleRss } from './support';

const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'José',
  'Zoë',
  'Wei',
  'Amara',
  'Søren',
  'Priya',
  "O'Neil",
  'Hannah',
];
const LAST = ['Lovelace', 'Hopper', 'Müller', 'García', 'Nakamura', 'Okafor', 'Dubois', 'Kowalski', 'Smith', 'Chen'];
const PLACES = [
  { jurisdiction: 'DE', locale: 'de', phone: (i: number) => `+49 30 ${String(1_000_000 + (i % 9_000_000))}` },
  { jurisdiction: 'FR', locale: 'fr', phone: (i: number) => `+33 1 ${String(10_000_000 + (i % 89_999_999))}` },
  { jurisdiction: 'US-CA', locale: 'en', phone: (i: number) => `+1 (415) 555-${String(i % 10_000).padStart(4, '0')}` },
  { jurisdiction: 'US-NY', locale: 'en-US', phone: (i: number) => `+1 212-555-${String(i % 10_000).padStart(4, '0')}` },
  { jurisdiction: 'GB', locale: 'en-GB', phone: (i: number) => `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}` },
  { jurisdiction: 'CN', locale: 'zh-CN', phone: (i: number) => `+86 10 ${String(10_000_000 + (i % 89_999_999))}` },
];

/** One CSV line; every 33rd row is invalid in one of five ways, so about 3% are rejected. */
export function personLine(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i >> 3) % LAST.length]!;
  // A few names are written "Last, First", which the CSV has to quote.
  const name = i % 50 === 0 ? `"${last}, ${first}"` : `${first} ${last}`;
  let email = i % 10 === 9 ? '' : `${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@example.org`;
  let phone = i % 4 === 0 || email === '' ? place.phone(i) : '';
  let jurisdiction = place.jurisdiction;
  let locale = i % 3 === 0 ? '' : place.locale;
  if (i % 33 === 32) {
    const kind = ((i / 33) % 5) | 0;
    if (kind === 0) email = `${first}.${i}@@example`;
    else if (kind === 1) phone = `0${i % 1_000_000}`;
    else if (kind === 2) jurisdiction = 'XX';
    else if (kind === 3) locale = 'English';
    else return ',,,,';
  }
  return `${name},${email},${phone},${jurisdiction},${locale}`;
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('name,email,phone,jurisdiction,locale\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${personLine(i)}\n`;
    if (chunk.length > 64 * 1024 || i === rows - 1) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  await new Promise<void>((r) => out.end(r));
}

async function main() {
  const rows = argNumber('rows', 1_000_000);
  const { db, dir } = await openFixtureDb('bench-import');
  try {
    const incidentId = '01JBENCHIMPORT000000000001';
    await seedIncident(db, incidentId, []);
    const csvPath = path.join(dir, 'people.csv');
    await writeCsv(csvPath, rows);

    // As importSubjects does for the API and the CLI: the file's digest taken as it streams by.
    const importFile = (into = incidentId) => {
      const digest = crypto.createHash('sha256');
      return storeSubjects(db, into, csvRows(fs.createReadStream(csvPath), digest), 'bench', {
        sourceSha256: () => digest.digest('hex'),
      });
    };
    // Baseline in the same invocation: the same file with contact sealing off (as before issue 18).
    const baselineIncident = '01JBENCHIMPORT000000000002';
    await seedIncident(db, baselineIncident, []);
    let t = performance.now();
    await importFile(baselineIncident);
    const unsealedSeconds = (performance.now() - t) / 1000;
    // What the app does: names, emails and phones sealed with the incident's key.
    useContactMasterKeys({ current: crypto.randomBytes(32), previous: [] });

    const rss = sampleRss();
    t = performance.now();
    const first = await importFile();
    const seconds = (performance.now() - t) / 1000;
    t = performance.now();
    const second = await importFile();
    const secondRunSeconds = (performance.now() - t) / 1000;
    rss.stop();

    const stored = await db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [
      incidentId,
    ]);
    if (second.imported !== 0) throw new Error(`second run added ${second.imported} people`);
    if (stored?.n !== first.imported) throw new Error(`stored ${stored?.n}, reported ${first.imported}`);
    if (first.imported + first.duplicates + first.rejectedCount !== rows)
      throw new Error(`counts do not add up: ${JSON.stringify({ ...first, rejected: undefined })}`);
    console.log(
      JSON.stringify({
        rows,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
        unsealedSeconds: Number(unsealedSeconds.toFixed(2)),
        sealedToUnsealed: Number((seconds / unsealedSeconds).toFixed(2)),
        secondRunSeconds: Number(secondRunSeconds.toFixed(2)),
        imported: first.imported,
        duplicates: first.duplicates,
        rejected: first.rejectedCount,
        peakRssMb: rss.peakMb(),
        machine: machine(),
      }),
    );
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
