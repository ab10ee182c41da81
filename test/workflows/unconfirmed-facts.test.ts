// Unconfirmed facts visible (issue 13): an obligation resting on a catalog fact not
// checked against the law's text says "check before relying on it", with the facts,
// in the incident room, the API and the closing report, not only inside its why.
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
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The obligation's own unconfirmed-facts note, apart from its why (which names them too). */
const noteOf = (row: string) => /<div class="unconfirmed"[^>]*>([\s\S]*?)<\/div>/.exec(row)?.[1] ?? '';
const rowsWith = (html: string, ...needles: string[]) =>
  [...html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]).filter((row) => needles.every((n) => row.includes(n)));

describe('unconfirmed facts', () => {
  it('are named with "check before relying on it" in the incident room and the closing report', async () => {
    const id = await openAndConfirm(h);
    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ dataElements: ['name', 'national_id'], affected: { 'US-TX': 300 } }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);

    const view = (await h.api('GET', `/api/incidents/${id}`)).body;
    const ag = view.obligations.find((o: { id: string }) => o.id === 'us-tx:regulator:attorney-general');
    // Texas's 30 days to the Attorney General (S.B. 768) were read only in summaries, not the statute text.
    expect(ag.unconfirmedFacts).toEqual([expect.stringMatching(/^TX: Attorney General when 250 or more residents/)]);
    const FACT = ag.unconfirmedFacts[0] as string;

    const u = await createTestUser(h, { email: 'facts.reader@example.org', role: 'responder' });
    const web = await logInForm(h, u.email, u.password);
    const room = await web.get(`/incidents/${id}`);
    const row = rowsWith(room.html, 'us-tx', 'Attorney General')[0];
    expect(row).toBeDefined();
    expect(noteOf(row!)).toContain('Check before relying on it');
    expect(noteOf(row!)).toContain(FACT);

    const open = view.obligations.filter(
      (o: { required: boolean; status: string }) => o.required && ['pending', 'manual', 'held'].includes(o.status),
    );
    for (const o of open) {
      const r = await h.api('POST', `/api/incidents/${id}/filings`, { obligationId: o.id, reference: `REF-${o.id}` });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const closed = await h.api('POST', `/api/incidents/${id}/close`, { summary: 'Texas notices done.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const report = await h.api('GET', `/api/incidents/${id}/report`);
    expect(report.status).toBe(200);
    // The report carries the deadlines as a picture, drawn as they stood at the close.
    const chart = /<svg class="deadline-chart"[\s\S]*?<\/svg>/.exec(report.body as string)?.[0] ?? '';
    expect(chart).toContain('Attorney General');
    const reportRow = rowsWith(report.body as string, 'us-tx', 'Attorney General')[0];
    expect(reportRow).toBeDefined();
    expect(noteOf(reportRow!)).toContain('Check before relying on it');
    expect(noteOf(reportRow!)).toContain(FACT);
  });
});
