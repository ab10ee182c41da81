// People's contact data sealed at rest with a key per incident: the columns hold ciphertext (and the
// file no plain address), every read path gets the plain values back, rows stored before sealing read
// as they are, and destroying the incident's key (the purge) leaves nothing to open.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { identityKey, storeSubjects } from '../../server/use-cases/import-subjects';
import { listSubjectContactsAfter, listSubjectReach } from '../../store/subject-store';
import { useContactMasterKeys } from '../../store/contact-keys';
import { appendAudit } from '../../store/audit';
import { purgeContactData } from '../../store/contact-retention';
import { openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dbPath: string;
  const master = randomBytes(32);
  beforeAll(async () => {
    ({ db, dbPath, drop } = await openFixtureDb('sealing', engine));
    useContactMasterKeys({ current: master, previous: [] });
  });
  afterAll(async () => {
    useContactMasterKeys(null);
    await drop?.();
  });

  async function* rows(people: Record<string, unknown>[]) {
    for (const p of people) yield p;
  }

  const PEOPLE = [
    { name: 'Sigrid Sealed-Fixture', email: 'sigrid.sealed@example.org', jurisdiction: 'DE', locale: 'de' },
    { name: 'Tomás Text-Fixture', phone: '+34600111222', jurisdiction: 'ES', locale: 'es' },
  ];

  describe('contact data sealed per incident', () => {
    it('stores ciphertext, reads plain values, and keeps nothing plain in the file', async () => {
      const id = '01JSEALING0000000000000001';
      await seedIncident(db, id, []);
      const result = await storeSubjects(db, id, rows(PEOPLE), 'tester');
      expect(result.imported).toBe(2);

      const raw = await db.all<{ name: string; email: string | null; phone: string | null }>(
        'SELECT name, email, phone FROM subjects WHERE incident_id = ? ORDER BY id',
        [id],
      );
      // People are stored in identity-key order, which the incident's key decides: compared without order.
      expect(raw.every((r) => r.name.startsWith('c1.'))).toBe(true);
      const withEmail = raw.find((r) => r.email !== null)!;
      expect(withEmail.email).toMatch(/^c1\./);
      expect(withEmail.phone).toBeNull();
      expect(raw.find((r) => r.email === null)!.phone).toMatch(/^c1\./);

      const contacts = await listSubjectContactsAfter(db, id, 0, 10);
      expect(contacts.map((c) => [c.email, c.phone]).sort()).toEqual(
        [
          ['sigrid.sealed@example.org', null],
          [null, '+34600111222'],
        ].sort(),
      );
      expect((await listSubjectReach(db, id, 10)).map((r) => r.name).sort()).toEqual(PEOPLE.map((p) => p.name).sort());

      if (engine === 'sqlite') {
        await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        const file = fs.readFileSync(dbPath).toString('utf8');
        for (const v of ['Sigrid', 'sigrid.sealed@example.org', '+34600111222', 'Tomás'])
          expect(file.includes(v), v).toBe(false);
      }
    });

    it('stores the identity key as an HMAC under the incident key, and a re-import still finds its duplicates', async () => {
      const id = '01JSEALING0000000000000001';
      const stored = await db.all<{ identity_key: string }>(
        'SELECT identity_key FROM subjects WHERE incident_id = ? ORDER BY id',
        [id],
      );
      const unkeyed = identityKey(PEOPLE[0] as unknown as Parameters<typeof identityKey>[0]);
      expect(stored[0]!.identity_key).toMatch(/^[0-9a-f]{32}$/);
      expect(stored[0]!.identity_key).not.toBe(unkeyed);
      const again = await storeSubjects(db, id, rows(PEOPLE), 'tester');
      expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    });

    it('an incident with people from before sealing keeps its unkeyed identity keys, so duplicates are still found', async () => {
      const id = '01JSEALING0000000000000004';
      await seedIncident(db, id, []);
      useContactMasterKeys(null);
      await storeSubjects(db, id, rows(PEOPLE.slice(0, 1)), 'tester');
      useContactMasterKeys({ current: master, previous: [] });
      const again = await storeSubjects(db, id, rows(PEOPLE), 'tester');
      expect(again).toMatchObject({ imported: 1, duplicates: 1 });
      expect(await db.get('SELECT identity_keyed FROM incident_keys WHERE incident_id = ?', [id])).toEqual({
        identity_keyed: 0,
      });
    });

    it('reads rows stored before sealing as they are', async () => {
      const id = '01JSEALING0000000000000002';
      await seedIncident(db, id, [{ name: 'Olga Old-Row', email: 'olga.old@example.org', phone: null, locale: 'en' }]);
      expect((await listSubjectContactsAfter(db, id, 0, 10))[0]!.email).toBe('olga.old@example.org');
    });

    it('a purge destroys the key: a stray sealed copy can no longer be opened', async () => {
      const id = '01JSEALING0000000000000003';
      await seedIncident(db, id, []);
      await storeSubjects(db, id, rows(PEOPLE.slice(0, 1)), 'tester');
      const sealedCopy = (await db.get<{ email: string }>('SELECT email FROM subjects WHERE incident_id = ?', [id]))!
        .email;
      await appendAudit(db, {
        incidentId: id,
        type: 'incident.closed',
        at: new Date().toISOString(),
        actor: { kind: 'system', id: 't' },
        summary: 'closed',
        details: {},
      });
      await purgeContactData(db, id, { kind: 'system', id: 't' });
      expect(await db.get('SELECT COUNT(*) AS n FROM incident_keys WHERE incident_id = ?', [id])).toEqual({ n: 0 });
      // A backup taken before the purge still holds the sealed value; without the key it stays closed.
      await db.run('UPDATE subjects SET email = ? WHERE incident_id = ?', [sealedCopy, id]);
      await expect(listSubjectContactsAfter(db, id, 0, 10)).rejects.toThrow(/key is gone/);
    });

    it('refuses to read with another master key, saying why', async () => {
      useContactMasterKeys({ current: randomBytes(32), previous: [] });
      await expect(listSubjectContactsAfter(db, '01JSEALING0000000000000001', 0, 10)).rejects.toThrow(
        /does not open with the master key/,
      );
      useContactMasterKeys({ current: randomBytes(32), previous: [master] });
      expect((await listSubjectContactsAfter(db, '01JSEALING0000000000000001', 0, 10)).map((c) => c.email)).toContain(
        'sigrid.sealed@example.org',
      );
      useContactMasterKeys({ current: master, previous: [] });
    });
  });
});
