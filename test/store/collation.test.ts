// The web and the worker warn at start when PostgreSQL would sort text differently from SQLite.
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { openPostgres } from '../../store/connection-postgres';
import { collationWarning } from '../../store/database';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe.each(testEngines())('collation check on %s', (engine) => {
  const opened: TestDb[] = [];
  afterAll(async () => {
    for (const t of opened) await t.drop();
  });

  it('is quiet for the databases the guide describes (and for SQLite)', async () => {
    const t = await openTestDb(engine, 'collation');
    opened.push(t);
    expect(await collationWarning(t.db)).toBeNull();
  });

  // SQLite has one order (code points), so only PostgreSQL can be given a language collation.
  it.skipIf(engine !== 'postgres')('names a language collation', async () => {
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    const name = `collation_icu_${process.pid}`;
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
      const url = new URL(inject('postgresAdminUrl')!);
      url.pathname = `/${name}`;
      const db = await openPostgres(url.toString(), { max: 1 });
      try {
        expect(await collationWarning(db)).toMatch(/collation is ICU en-US, not C/);
      } finally {
        await db.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
