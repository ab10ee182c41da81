// Urgency without a date (issue 13): an obligation due "immediately" or "without
// undue delay" has no dueAt but is due now; the API says so with the time its clock
// started, and the incident page and the dashboard's deadlines show the time elapsed.
// A met obligation (sent, filed) stops counting down and shows as met, not overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;
const HOUR = 3600_000;

interface ObligationOut {
  id: string;
  status: string;
  dueAt: string | null;
  dueNow: boolean;
  clockStartedAt: string | null;
}
/** The first obligation whose id starts with the given prefix. */
const obligation = async (id: string, prefix: string) =>
  ((await h.api('GET', `/api/incidents/${id}`)).body.obligations as ObligationOut[]).find((o) =>
    o.id.startsWith(prefix),
  )!;
/** The table rows of a page that mention every one of the given strings. */
const rowsWith = (html: string, ...needles: string[]) =>
  [...html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((row) => needles.every((n) => row.includes(n)));

beforeAll(async () => {
  h = await startHarness();
  const u = await createTestUser(h, { email: 'urgency.reader@example.org', role: 'responder' });
  web = await logInForm(h, u.email, u.password);
});
afterAll(async () => {
  await h?.close();
});

describe('due now', () => {
  it('gives PIPL "immediately" dueNow and its clock start, lists it on the dashboard with the time elapsed, and stops once filed', async () => {
    const awareness = new Date(Date.now() - 30 * HOUR).toISOString();
    const id = await openAndConfirm(h, awareness);
    await h.db.run('UPDATE incidents SET title = ? WHERE id = ?', ['Shanghai CRM leak', id]);
    const assessed = await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { CN: 40 } }));
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);

    const pipl = await obligation(id, 'cn-pipl:regulator:cac');
    expect(pipl).toMatchObject({ status: 'pending', dueAt: null, dueNow: true, clockStartedAt: awareness });

    const dash = await web.get('/dashboard');
    const rows = rowsWith(dash.html, 'Shanghai CRM leak', 'cn-pipl', 'regulator');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/Due now<\/strong> — clock started 1 day 6 hours ago/);

    // The incident list says so too, and "overdue or due now" finds it though it has no date.
    const listed = (await h.api('GET', '/api/incidents')).body.incidents.find((i: { id: string }) => i.id === id);
    expect(listed, JSON.stringify(listed)).toMatchObject({ dueNow: true, dueNowSince: awareness });
    const list = await web.get('/incidents?overdue=on');
    expect(rowsWith(list.html, 'Shanghai CRM leak')[0]).toMatch(/Due now<\/strong>/);

    const room = await web.get(`/incidents/${id}`);
    const roomRow = rowsWith(room.html, 'cn-pipl', 'Cyberspace')[0] ?? rowsWith(room.html, 'cn-pipl', 'regulator')[0];
    expect(roomRow).toMatch(/Due now<\/strong> — clock started 1 day 6 hours ago/);

    const filed = await h.api('POST', `/api/incidents/${id}/filings`, {
      obligationId: 'cn-pipl:regulator:cac',
      reference: 'CAC-2026-001',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(await obligation(id, 'cn-pipl:regulator:cac')).toMatchObject({ status: 'filed', dueNow: false });
    const after = await web.get('/dashboard');
    expect(rowsWith(after.html, 'Shanghai CRM leak', 'cn-pipl', 'regulator')).toHaveLength(0);
  });

  it('shows a filed obligation whose due time has passed as met, not overdue', async () => {
    const id = await openAndConfirm(h, new Date(Date.now() - 80 * HOUR).toISOString());
    await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { DE: 10 } }));
    const gdpr = await obligation(id, 'eu-gdpr:regulator');
    expect(Date.parse(gdpr.dueAt!)).toBeLessThan(Date.now());
    const filed = await h.api('POST', `/api/incidents/${id}/filings`, {
      obligationId: gdpr.id,
      reference: 'BfDI-77',
      delayReason: 'scope unclear',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const room = await web.get(`/incidents/${id}`);
    const row = rowsWith(room.html, 'GDPR Art. 33(1)', 'ob-filed')[0];
    expect(row).toBeDefined();
    expect(row).toContain('Met');
    expect(row).not.toContain('data-countdown');
  });
});
