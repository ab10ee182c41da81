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

  it('lists every open obligation on the dashboard: due now first, then by date, overdue red, within a day amber, unconfirmed marked', async () => {
    // GDPR Art. 33 (72 h) is overdue 80 hours after awareness; Art. 34 is due now; Texas (60 days) counts down.
    const late = await openAndConfirm(h, new Date(Date.now() - 80 * HOUR).toISOString());
    await h.db.run('UPDATE incidents SET title = ? WHERE id = ?', ['Berlin payroll leak', late]);
    await h.api(
      'POST',
      `/api/incidents/${late}/assessment`,
      assessmentBody({ dataElements: ['name', 'national_id'], affected: { DE: 10, 'US-TX': 300, TR: 10, KR: 10 } }),
    );
    // 60 hours after awareness GDPR's 72 hours end within a day.
    const soon = await openAndConfirm(h, new Date(Date.now() - 60 * HOUR).toISOString());
    await h.db.run('UPDATE incidents SET title = ? WHERE id = ?', ['Vienna CRM leak', soon]);
    await h.api('POST', `/api/incidents/${soon}/assessment`, assessmentBody({ affected: { AT: 10 } }));

    const dash = await web.get('/dashboard');
    expect(dash.html).toContain('Open obligations');
    const section = dash.html.slice(dash.html.indexOf('id="deadlines"'), dash.html.indexOf('id="holds-h"'));
    const rows = [...section.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).slice(1);
    const overdue = rowsWith(section, 'Berlin payroll leak', 'GDPR Art. 33(1)')[0]!;
    expect(overdue).toContain('overdue-row');
    const amber = rowsWith(section, 'Vienna CRM leak', 'GDPR Art. 33(1)')[0]!;
    expect(amber).toContain('due-soon-row');
    expect(amber).not.toContain('overdue-row');
    // Rows resting on facts not checked against the law's text are marked; the others are not.
    const listed = (
      (await h.api('GET', `/api/incidents/${late}`)).body.obligations as (ObligationOut & {
        recipient: string;
        required: boolean;
        unconfirmedFacts: string[];
      })[]
    ).filter((o) => o.required && o.status === 'pending');
    // Several regimes share a recipient's words ("Affected data subjects"): compare counts per recipient.
    expect(listed.some((o) => o.unconfirmedFacts.length > 0)).toBe(true);
    for (const recipient of new Set(listed.map((o) => o.recipient))) {
      const shown = rowsWith(section, 'Berlin payroll leak', recipient);
      const same = listed.filter((o) => o.recipient === recipient);
      expect(shown, recipient).toHaveLength(same.length);
      expect(
        shown.filter((r) => r.includes('Check before relying on it')),
        recipient,
      ).toHaveLength(same.filter((o) => o.unconfirmedFacts.length > 0).length);
    }
    // Due-now rows come before every dated row.
    const firstDated = rows.findIndex((r) => r.includes('data-countdown'));
    const lastDueNow = rows.map((r) => r.includes('Due now</strong>')).lastIndexOf(true);
    expect(lastDueNow).toBeGreaterThanOrEqual(0);
    expect(lastDueNow).toBeLessThan(firstDated);
  });
});
