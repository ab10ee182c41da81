// The subject import against a real SQLite file: exact counts and row numbers
// when rows cross staging-chunk and merge-range boundaries, idempotency, every
// kind of rejection naming its field, and a malformed file storing nobody.
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { HttpError } from '../../server/errors';
import type { TemporalGateway } from '../../server/temporal-gateway';
import { csvRows, importSubjects, storeSubjects, type Rejection } from '../../server/use-cases/import-subjects';
import { openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  const INCIDENT = '01JTESTIMPORT0000000000001';
  const HEADER = 'name,email,phone,jurisdiction,locale';
  // Small sizes so 2,501 rows cross several staging chunks and merge ranges.
  const SMALL = { rowsPerChunk: 500, rowsPerMerge: 200 };

  let db: Db;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    ({ db, drop } = await openFixtureDb('import', engine));
    await seedIncident(db, INCIDENT, []);
  });
  afterEach(async () => {
    await drop?.();
  });

  const csv = (lines: string[]) => csvRows(Readable.from([`${HEADER}\n${lines.join('\n')}\n`]));
  const good = (i: number) => `Person ${i},person${i}@example.org,,DE,de`;
  const stored = async () =>
    (await db.get<{ n: number }>('SELECT count(*) AS n FROM subjects WHERE incident_id = ?', [INCIDENT]))!.n;

  describe('storeSubjects', () => {
    it('imports 2,501 rows across chunk boundaries with exact counts and the rejected rows numbered as in the file', async () => {
      // Row k of the file is lines[k - 1]; bad rows sit on both sides of every 500-row chunk edge.
      const bad = new Set([1, 500, 501, 1000, 1001, 2000, 2500, 2501]);
      const lines = Array.from({ length: 2501 }, (_, i) =>
        bad.has(i + 1) ? `Person ${i},not-an-email,,DE,de` : good(i),
      );
      // Row 1,500 repeats row 1,499's person: a duplicate within the file.
      lines[1499] = good(1498);
      const seen: Rejection[] = [];
      const r = await storeSubjects(db, INCIDENT, csv(lines), 'u1', { ...SMALL, onRejected: (x) => void seen.push(x) });
      expect(r).toMatchObject({ imported: 2501 - 8 - 1, duplicates: 1, rejectedCount: 8 });
      expect(r.rejected.map((x) => x.row)).toEqual([...bad]);
      expect(r.rejected.every((x) => x.error === 'email: invalid email address')).toBe(true);
      expect(seen.map((x) => [x.row, x.field])).toEqual([...bad].map((row) => [row, 'email']));
      expect(await stored()).toBe(2492);
      const record = await db.get<{ imported: number; duplicates: number; rejected: number; created_by: string }>(
        'SELECT imported, duplicates, rejected, created_by FROM subject_imports WHERE id = ?',
        [r.importId],
      );
      expect(record).toEqual({ imported: 2492, duplicates: 1, rejected: 8, created_by: 'u1' });
    });

    it('adds nobody when the same file is imported twice', async () => {
      const lines = Array.from({ length: 1200 }, (_, i) => good(i));
      const first = await storeSubjects(db, INCIDENT, csv(lines), 'u1', SMALL);
      const second = await storeSubjects(db, INCIDENT, csv(lines), 'u1', SMALL);
      expect(first).toMatchObject({ imported: 1200, duplicates: 0 });
      expect(second).toMatchObject({ imported: 0, duplicates: 1200 });
      expect(await stored()).toBe(1200);
    });

    it('keeps the first row of a person who appears twice in the file, and normalises what it stores', async () => {
      const r = await storeSubjects(
        db,
        INCIDENT,
        csv([
          'First Ada, ADA@Example.org ,,de,',
          'Second Ada,ada@example.org,,FR,fr',
          'Bob,, +49 (30) 123-4567 ,us-ca,en-US',
        ]),
        'u1',
      );
      expect(r).toMatchObject({ imported: 2, duplicates: 1, rejectedCount: 0 });
      const rows = await db.all(
        'SELECT name, email, phone, jurisdiction, locale FROM subjects WHERE incident_id = ? ORDER BY name',
        [INCIDENT],
      );
      expect(rows).toEqual([
        { name: 'Bob', email: null, phone: '+49301234567', jurisdiction: 'US-CA', locale: 'en-US' },
        { name: 'First Ada', email: 'ada@example.org', phone: null, jurisdiction: 'DE', locale: 'en' },
      ]);
    });

    it('stores names exactly as a bound string would, quotes, backslashes, emoji and broken surrogates included', async () => {
      const names = [
        'Zoë "Z" O\'Neil',
        'back\\slash \\u0041',
        'emoji 😀 漢字',
        'broken \ud800 surrogate',
        'tail \udc00',
      ];
      const rows = names.map((n, i) => ({ name: n, email: `n${i}@example.org` }));
      async function* source() {
        yield* rows;
      }
      await storeSubjects(db, INCIDENT, source(), 'u1');
      const got = await db.all<{ name: string; bound: string }>(
        'SELECT s.name, b.v AS bound FROM subjects s JOIN (SELECT ? AS e, ? AS v UNION ALL SELECT ?, ? UNION ALL SELECT ?, ? UNION ALL SELECT ?, ? UNION ALL SELECT ?, ?) b ON b.e = s.email',
        rows.flatMap((r) => [r.email, r.name]),
      );
      expect(got).toHaveLength(5);
      for (const r of got) expect(r.name).toBe(r.bound);
    });

    it('names the field of every kind of rejection', async () => {
      const r = await storeSubjects(
        db,
        INCIDENT,
        csv([
          'Ada,ada@@example,,DE,en',
          'Bob,,030 1234567,DE,en',
          'Cy,cy@example.org,,XX,en',
          'Di,di@example.org,,DE,English',
          ',,,,',
          `${'x'.repeat(201)},e@example.org,,DE,en`,
        ]),
        'u1',
      );
      expect(r.rejected).toEqual([
        { row: 1, error: 'email: invalid email address' },
        { row: 2, error: 'phone: phone must be E.164, e.g. +14155550100' },
        { row: 3, error: 'jurisdiction: unknown jurisdiction' },
        { row: 4, error: 'locale: must be a BCP 47 locale such as en or zh-CN' },
        { row: 5, error: 'row: needs at least a name, an email or a phone' },
        { row: 6, error: 'name: Too big: expected string to have <=200 characters' },
      ]);
      expect(await stored()).toBe(0);
    });

    it('lists the first 1,000 rejections and counts them all', async () => {
      const lines = Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? `P${i},bad,,DE,en` : good(i)));
      let told = 0;
      const r = await storeSubjects(db, INCIDENT, csv(lines), 'u1', { onRejected: () => void told++ });
      expect(r.rejectedCount).toBe(500);
      expect(told).toBe(500);
      expect(r.imported).toBe(1000);
    });
  });

  describe('importSubjects with a malformed file', () => {
    const gateway = {
      update: () => Promise.reject(new Error('the workflow must not be told about a failed import')),
    } as unknown as TemporalGateway;

    const ctx = () => ({
      db,
      gateway,
      logger: undefined as never,
      baseUrl: 'http://localhost',
      publicLink: { realProvider: false, publicUrl: undefined, realTwilio: false },
    });

    // Halfway: 1,200 good rows (two whole 500-row chunks staged) before the bad line, 1,200 after.
    it.each([
      ['a stray quote', 'Secret Person x"y,secret@example.org,,DE,en'],
      ['a row with too many fields', 'Secret Person,secret@example.org,,DE,en,extra'],
    ])(
      'answers 400 for %s halfway, naming the CSV, and stores nobody, not even the rows before it',
      async (_, badLine) => {
        const lines = [
          ...Array.from({ length: 1200 }, (_, i) => good(i)),
          badLine,
          ...Array.from({ length: 1200 }, (_, i) => good(2000 + i)),
        ];
        const body = Readable.from([`${HEADER}\n${lines.join('\n')}\n`]);
        const err = await importSubjects(
          ctx(),
          INCIDENT,
          { csv: body },
          { kind: 'system', id: 'test' },
          null,
          SMALL,
        ).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(HttpError);
        expect(err).toMatchObject({ status: 400, field: 'csv' });
        expect((err as Error).message).toMatch(/^malformed CSV: .*line 1202.*; nobody was imported$/);
        expect((err as Error).message).not.toContain('Secret');
        expect(await stored()).toBe(0);
        expect(await db.get('SELECT count(*) AS n FROM subject_imports')).toEqual({ n: 0 });
      },
    );

    it('answers 400 for an unknown column before reading any row', async () => {
      const err = await importSubjects(
        ctx(),
        INCIDENT,
        { csv: Readable.from(['name,ssn\nAda,123\n']) },
        { kind: 'system', id: 'test' },
        null,
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({
        status: 400,
        field: 'csv',
        message: expect.stringContaining('unknown CSV column "ssn"'),
      });
    });
  });
});
