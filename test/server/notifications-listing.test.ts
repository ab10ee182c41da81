// GET /api/incidents/:id/notifications pages through an incident's outbox by
// keyset (each page hands out the cursor of the next), filters by status, and
// answers 400 naming the parameter for a bad limit, offset, cursor or status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness';
import { insertTestIncident } from '../support/incident-row';

let h: Harness;
const ID = '01JNXTESTPAGES000000000001';
const PEOPLE = 57;

beforeAll(async () => {
  h = await startHarness();
  await insertTestIncident(h.db, ID);
  const at = new Date().toISOString();
  await h.db.transaction(async (tx) => {
    for (let i = 0; i < PEOPLE; i++) {
      const s = await tx.run("INSERT INTO subjects (incident_id, name, email, locale, identity_key, import_id) VALUES (?, ?, ?, 'en', ?, 'imp_test')", [ID, `P ${i}`, `p${i}@example.org`, `key${i}`]);
      await tx.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, subject_id)
         VALUES (?, ?, 'subject', ?, 'email', 'en', 'v1', 'subject-email', ?, ?, ?)`,
        [`row${i}`, ID, String(s.lastID), i % 5 === 0 ? 'bounced' : 'sent', at, s.lastID],
      );
    }
  });
});
afterAll(async () => {
  await h?.close();
});

type Page = { notifications: { id: string; status: string; recipient: string }[]; next: string | null };
const list = (query: string) => h.api('GET', `/api/incidents/${ID}/notifications${query}`);

describe('GET /api/incidents/:id/notifications', () => {
  it('walks every row once, page by page, with the cursor each page gives', async () => {
    const seen: string[] = [];
    let query = '?limit=10';
    let pages = 0;
    for (;;) {
      const r = await list(query);
      expect(r.status).toBe(200);
      const page = r.body as Page;
      seen.push(...page.notifications.map((n) => n.id));
      pages++;
      if (!page.next) break;
      query = `?limit=10&after=${page.next}`;
    }
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(PEOPLE);
    expect(seen).toHaveLength(PEOPLE);
    // The same order as one long page.
    expect(((await list('?limit=100')).body as Page).notifications.map((n) => n.id)).toEqual(seen);
  });

  it('filters by status', async () => {
    const page = (await list('?status=bounced')).body as Page;
    expect(page.notifications).toHaveLength(Math.ceil(PEOPLE / 5));
    expect(page.notifications.every((n) => n.status === 'bounced')).toBe(true);
    expect(page.next).toBeNull();
  });

  it('answers 400 naming the parameter for bad input', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=5001', 'limit'],
      ['?limit=ten', 'limit'],
      ['?offset=-1', 'offset'],
      ['?after=not-a-cursor', 'after'],
      ['?status=lost', 'status'],
      [`?after=${Buffer.from('["subject","1","email","v1"]').toString('base64url')}&offset=3`, 'offset'],
    ];
    for (const [query, field] of cases) {
      const r = await list(query);
      expect(r.status, query).toBe(400);
      expect(r.body.field, query).toBe(field);
    }
  });
});
