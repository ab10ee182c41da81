// Contact data outlives its incident by the retention period, then goes, and the proof stays: each
// delivery record keeps its channel, times, provider id and status and gains a keyed HMAC of its
// address; the counts and the audit chain stay and the chain still verifies. A legal hold blocks the
// purge; an open incident cannot be purged; the addresses are gone from the database file itself.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { appendAudit, verifyAuditChain } from '../../store/audit';
import { addressProof, purgeDue } from '../../store/contact-retention';
import {
  placeLegalHold,
  purgeContacts,
  releaseLegalHold,
  retentionStatus,
} from '../../server/use-cases/contact-retention';
import type { HttpError } from '../../server/errors';
import { makePeople, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testEngines } from '../support/test-db';

describe.each(testEngines())('on %s', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let dbPath: string;
  beforeAll(async () => {
    ({ db, dbPath, drop } = await openFixtureDb('retention', engine));
  });
  afterAll(async () => {
    await drop?.();
  });

  const admin = { kind: 'user' as const, id: 'usr_admin' };

  /** An incident whose people were told: outbox rows sent, dev mailbox copies, one rejected import row. */
  async function toldIncident(id: string, prefix: string) {
    const people = makePeople(3, { prefix, phoneOnlyEvery: 3 });
    const ids = await seedIncident(db, id, people);
    const now = new Date().toISOString();
    for (const [i, subjectId] of ids.entries()) {
      const channel = people[i]!.email ? 'email' : 'sms';
      await db.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, provider, provider_id, sent_at, updated_at, subject_id)
       VALUES (?,?, 'subject', ?, ?, 'en', 'v1', 'subject-notice', 'sent', 'local', ?, ?, ?, ?)`,
        [`${id}-o${i}`, id, String(subjectId), channel, `prov-${i}`, now, now, subjectId],
      );
      await db.run(
        `INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, created_at, incident_id) VALUES (?,?,?,?,?,?,?,?)`,
        [`${id}-m${i}`, channel, people[i]!.email ?? people[i]!.phone, 's', `<p>${people[i]!.name}</p>`, 't', now, id],
      );
    }
    await db.run(
      'INSERT INTO subject_imports (id, incident_id, imported, duplicates, rejected, rejected_json, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)',
      [
        `${id}-imp`,
        id,
        3,
        0,
        1,
        JSON.stringify([{ row: 4, error: 'email: invalid', email: `${prefix}-bad@@example.org` }]),
        now,
        'u',
      ],
    );
    return people;
  }

  const close = (id: string, at = new Date().toISOString()) =>
    appendAudit(db, {
      incidentId: id,
      type: 'incident.closed',
      at,
      actor: admin,
      summary: 'Incident closed',
      details: {},
    });

  describe('contact data retention', () => {
    it('refuses while open or held, then deletes contact data and keeps the proof of notice', async () => {
      const id = '01JRETENTION00000000000001';
      const people = await toldIncident(id, 'ret1');
      const refused = (p: Promise<unknown>) =>
        p.then(
          () => null,
          (e: unknown) => e as HttpError,
        );

      expect(await refused(purgeContacts(db, id, admin))).toMatchObject({ status: 409, field: 'incident' });
      await close(id);
      await placeLegalHold(db, id, 'Litigation hold from counsel, case 24-113', admin);
      expect(await refused(purgeContacts(db, id, admin))).toMatchObject({ status: 409, field: 'legalHold' });
      expect((await retentionStatus(db, id, 90)).legalHold?.reason).toContain('Litigation');
      await releaseLegalHold(db, id, admin);

      const purge = await purgeContacts(db, id, admin);
      expect(purge).toMatchObject({ people: 3, proof_rows: 3, mailbox_messages: 3, rejected_rows: 1 });
      expect(await purgeContacts(db, id, admin)).toEqual(purge);

      const subjects = await db.all<Record<string, unknown>>(
        'SELECT name, email, phone, identity_key, locale, purged_at FROM subjects WHERE incident_id = ?',
        [id],
      );
      for (const s of subjects) {
        expect(s).toMatchObject({ name: null, email: null, phone: null, locale: expect.any(String) });
        expect(String(s.identity_key)).toMatch(/^purged:/);
      }
      const proof = await db.all<{
        channel: string;
        status: string;
        provider_id: string;
        sent_at: string;
        address_hmac: string;
      }>('SELECT channel, status, provider_id, sent_at, address_hmac FROM outbox WHERE incident_id = ? ORDER BY id', [
        id,
      ]);
      expect(proof).toHaveLength(3);
      // The proof answers "was this address told?" from the address alone, whatever its case.
      expect(proof[1]).toMatchObject({ channel: 'email', status: 'sent', provider_id: 'prov-1' });
      expect(proof[1]!.address_hmac).toBe(await addressProof(db, 'email', people[1]!.email!.toUpperCase()));
      expect(proof[0]!.address_hmac).toBe(await addressProof(db, 'sms', people[0]!.phone!));
      expect(await db.get('SELECT COUNT(*) AS n FROM dev_mailbox WHERE incident_id = ?', [id])).toEqual({ n: 0 });
      expect(await db.get('SELECT rejected, rejected_json FROM subject_imports WHERE incident_id = ?', [id])).toEqual({
        rejected: 1,
        rejected_json: '[]',
      });

      expect((await verifyAuditChain(db)).ok).toBe(true);
      const audit = await db.all<{ type: string }>('SELECT type FROM audit_log WHERE incident_id = ? ORDER BY seq', [
        id,
      ]);
      expect(audit.map((a) => a.type)).toEqual([
        'incident.closed',
        'legal_hold.placed',
        'legal_hold.released',
        'contacts.purged',
      ]);
      expect(await refused(placeLegalHold(db, id, 'too late now', admin))).toMatchObject({ status: 409 });

      // Not in the file either: no address survives in a freed page or the write-ahead log. (SQLite's
      // file; PostgreSQL's dead row versions are its VACUUM's to reclaim.)
      if (engine === 'sqlite') {
        await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        const raw = fs.readFileSync(dbPath).toString('latin1');
        for (const p of people)
          for (const v of [p.email, p.phone, p.name]) if (v) expect(raw.includes(v), v).toBe(false);
        expect(raw.includes('ret1-bad@@example.org')).toBe(false);
      }
    });

    it('the scheduled run purges what is past retention and not held, and nothing else', async () => {
      const old = '01JRETENTION00000000000002';
      const held = '01JRETENTION00000000000003';
      const recent = '01JRETENTION00000000000004';
      for (const [id, prefix] of [
        [old, 'ret2'],
        [held, 'ret3'],
        [recent, 'ret4'],
      ] as const)
        await toldIncident(id, prefix);
      const now = new Date();
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
      await close(old, daysAgo(91));
      await close(held, daysAgo(200));
      await close(recent, daysAgo(10));
      await placeLegalHold(db, held, 'HIPAA: proof of notice kept six years', admin);

      const purged = await purgeDue(db, 90, { kind: 'system', id: 'retention' }, now);
      expect(purged).toEqual([old]);
      expect(await purgeDue(db, 90, { kind: 'system', id: 'retention' }, now)).toEqual([]);
      const emails = async (id: string) =>
        (await db.get<{ n: number }>('SELECT COUNT(email) AS n FROM subjects WHERE incident_id = ?', [id]))!.n;
      expect(await emails(old)).toBe(0);
      expect(await emails(held)).toBeGreaterThan(0);
      expect(await emails(recent)).toBeGreaterThan(0);
    });
  });
});
