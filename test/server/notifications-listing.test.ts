// GET /api/incidents/:id/notifications pages through an incident's outbox by
// keyset (each page hands out the cursor of the next), filters by status, and
// answers 400 naming the parameter for a bad limit, offset, cursor or status;
// notifications.csv exports every row, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { exportNotificationsCsv } from '../../server/use-cases/notifications-csv';
import { ADMIN_TOKEN, createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { insertTestIncident } from '../support/incident-row';
import { insertTestOutboxRow, insertTestSubject } from '../support/subject-rows';

let h: Harness;
const ID = '01JNXTESTPAGES000000000001';
const PEOPLE = 57;

beforeAll(async () => {
  h = await startHarness();
  await insertTestIncident(h.db, ID);
  const at = new Date().toISOString();
  await h.db.transaction(async (tx) => {
    for (let i = 0; i < PEOPLE; i++) {
      const subjectId = await insertTestSubject(tx, {
        incidentId: ID,
        name: `P ${i}`,
        email: `p${i}@example.org`,
        identityKey: `key${i}`,
      });
      await insertTestOutboxRow(tx, {
        id: `row${i}`,
        incidentId: ID,
        subjectId,
        channel: 'email',
        status: i % 5 === 0 ? 'bounced' : 'sent',
        updatedAt: at,
      });
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

  it('exports every row as CSV, streamed a page at a time, and records who exported it', async () => {
    const res = await fetch(`${h.baseUrl}/api/incidents/${ID}/notifications.csv`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`notifications-${ID}.csv`);
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(PEOPLE);
    expect(new Set(records.map((r) => r.recipient)).size).toBe(PEOPLE);
    expect(records.filter((r) => r.status === 'bounced')).toHaveLength(Math.ceil(PEOPLE / 5));
    expect(Object.keys(records[0]!)).toEqual(
      expect.arrayContaining([
        'kind',
        'recipient',
        'channel',
        'status',
        'attempts',
        'possible_duplicate',
        'sent_at',
        'delivered_at',
        'error',
      ]),
    );
    const audit = await h.db.get<{ summary: string; details_json: string }>(
      "SELECT summary, details_json FROM audit_log WHERE incident_id = ? AND type = 'notifications.exported'",
      [ID],
    );
    expect(JSON.parse(audit!.details_json)).toEqual({ rows: PEOPLE });
    expect(audit!.summary).not.toContain('@');

    // Pages of 10 (the route reads 5,000 at a time): the same rows, each once, in the same order.
    let text = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString();
        done();
      },
    });
    expect(await exportNotificationsCsv(h.db, ID, sink, { kind: 'system', id: 'test' }, 10)).toBe(PEOPLE);
    expect(parse(text, { columns: true })).toEqual(records);
  });

  it('offers the same CSV on the incident page to those who may see contact data, and only to them', async () => {
    const responder = await createTestUser(h, { email: 'csv.responder@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    const page = await web.get(`/incidents/${ID}`);
    expect(page.html).toContain(`href="/incidents/${ID}/notifications.csv"`);
    const csv = await web.get(`/incidents/${ID}/notifications.csv`);
    expect(csv.status).toBe(200);
    expect(parse(csv.html, { columns: true })).toHaveLength(PEOPLE);
    const audit = await h.db.get<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE incident_id = ? AND type = 'notifications.exported' ORDER BY seq DESC LIMIT 1",
      [ID],
    );
    expect(audit!.actor).toBe(`user:${responder.id}`);

    const viewer = await createTestUser(h, { email: 'csv.viewer@example.org', role: 'viewer' });
    const vweb = await logInForm(h, viewer.email, viewer.password);
    expect((await vweb.get(`/incidents/${ID}`)).html).not.toContain('notifications.csv');
    expect((await vweb.get(`/incidents/${ID}/notifications.csv`)).status).toBe(403);
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
