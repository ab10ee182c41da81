// The pages a team reads under the clock: overdue deadlines flagged on the
// dashboard, list filters and search, the new-incident form keeping what was
// typed with the error at the field, and the register keeping dismissals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  eventually,
  incidentBody,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;
let late: string;
let dismissed: string;

beforeAll(async () => {
  h = await startHarness();
  late = await openAndConfirm(h, new Date(Date.now() - 80 * 3600_000).toISOString());
  await h.db.run('UPDATE incidents SET title = ? WHERE id = ?', ['Payroll export left on a share', late]);
  await h.api('POST', `/api/incidents/${late}/assessment`, assessmentBody({ affected: { DE: 10 } }));
  const d = await h.api(
    'POST',
    '/api/incidents',
    incidentBody({ title: 'Phishing test mistaken for an attack', severity: 'low' }),
  );
  dismissed = d.body.id;
  await h.api('POST', `/api/incidents/${dismissed}/triage`, {
    decision: 'dismiss',
    reason: 'Internal phishing drill; no data left the company',
  });
  const u = await createTestUser(h, { email: 'page.reader@example.org', role: 'responder' });
  web = await logInForm(h, u.email, u.password);
});
afterAll(async () => {
  await h?.close();
});

describe('dashboard', () => {
  it('flags a deadline that has passed as overdue', async () => {
    const page = await web.get('/dashboard');
    expect(page.status).toBe(200);
    const row = /<tr class="overdue-row">[\s\S]*?<\/tr>/.exec(page.html)?.[0] ?? '';
    expect(row).toContain('Overdue');
    expect(row).toContain('Payroll export left on a share');
    expect(row).toContain('GDPR Art. 33(1)');
  });
});

describe('incident list', () => {
  const titles = async (q: string) => {
    const page = await web.get(`/incidents${q}`);
    expect(page.status).toBe(200);
    return [...page.html.matchAll(/<a href="\/incidents\/[0-9A-Z]{26}">([^<]+)<\/a>/g)].map((m) => m[1]);
  };
  it('filters by stage, severity and overdue, and searches titles and references', async () => {
    expect(await titles('?stage=dismissed')).toEqual(['Phishing test mistaken for an attack']);
    expect(await titles('?severity=low')).toEqual(['Phishing test mistaken for an attack']);
    expect(await titles('?overdue=on')).toEqual(['Payroll export left on a share']);
    expect(await titles('?q=payroll')).toEqual(['Payroll export left on a share']);
    expect(await titles(`?q=${late.toLowerCase()}`)).toEqual(['Payroll export left on a share']);
    expect(await titles('?q=%25')).toEqual([]);
  });

  it('colours an incident with a passed deadline red, as the dashboard does', async () => {
    const page = await web.get('/incidents');
    const row = /<tr class="overdue-row">[\s\S]*?<\/tr>/.exec(page.html)?.[0] ?? '';
    expect(row).toContain('Payroll export left on a share');
    expect(page.html).not.toMatch(/<tr class="overdue-row">(?:(?!<\/tr>)[\s\S])*Phishing test mistaken/);
  });
});

describe('new-incident form', () => {
  it('keeps what was typed and shows the error at the field', async () => {
    const form = await web.get('/incidents/new');
    const res = await web.post('/incidents', {
      _csrf: hiddenField(form.html, '_csrf'),
      idempotencyKey: hiddenField(form.html, 'idempotencyKey'),
      title: 'Lost backup tape',
      detectedAt: '2026-11-25T08:00',
      severity: 'critical',
      detectionMethod: '',
      dataCategories: ['email', 'health'],
      reporter: 'Facilities',
    });
    expect(res.status).toBe(303);
    const again = await web.get(res.location!);
    expect(again.html).toContain('value="Lost backup tape"');
    expect(again.html).toContain('value="2026-11-25T08:00"');
    expect(again.html).toMatch(/<option value="critical" selected>/);
    expect(again.html).toMatch(/value="health" checked/);
    expect(again.html).toMatch(/id="detectionMethod"[^>]*aria-invalid="true"/);
    expect(again.html).toMatch(/<p class="field-error" id="detectionMethod-error">required<\/p>/);
  });
});

describe('breach register', () => {
  it('lists dismissed incidents with the reasoning', async () => {
    const page = await web.get('/register');
    expect(page.html).toContain('Phishing test mistaken for an attack');
    expect(page.html).toContain('dismissed: not a personal-data breach');
    expect(page.html).toContain('Internal phishing drill; no data left the company');
  });

  it('names who decided, on the page and in the CSV, never by id', async () => {
    const opened = await h.api('POST', '/api/incidents', incidentBody({ title: 'Misdirected payslips' }));
    const id = opened.body.id as string;
    const room = await web.get(`/incidents/${id}`);
    const res = await web.post(`/incidents/${id}/triage`, {
      _csrf: hiddenField(room.html, '_csrf'),
      idempotencyKey: hiddenField(room.html, 'idempotencyKey'),
      decision: 'confirm',
      reason: 'Payslips with salaries reached the wrong staff',
    });
    expect(res.status).toBe(303);
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*Misdirected payslips[\s\S]*?<\/tr>/.exec(
      (await web.get('/register')).html,
    )?.[0];
    expect(row).toContain('by page.reader');
    const csv = (await web.get('/register.csv')).html;
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const col = header!.split(',').indexOf('Decided by');
    expect(col).toBeGreaterThan(0);
    expect(lines.find((l) => l.includes('Misdirected payslips'))).toContain('page.reader');
  });
});

describe('approver forms on the incident page', () => {
  it('send supplementary information to the regulator and correct the awareness time, each in the timeline with who did it', async () => {
    const gdpr = (await h.api('GET', `/api/incidents/${late}`)).body.obligations.find((o: { id: string }) =>
      o.id.startsWith('eu-gdpr:regulator'),
    );
    expect(
      (
        await h.api('POST', `/api/incidents/${late}/filings`, {
          obligationId: gdpr.id,
          reference: 'DPC-77',
          delayReason: 'scope unclear',
        })
      ).status,
    ).toBe(200);
    const approver = await createTestUser(h, { email: 'sup.approver@example.org', role: 'approver' });
    const aweb = await logInForm(h, approver.email, approver.password);
    const responderPage = await web.get(`/incidents/${late}`);
    expect(responderPage.html).not.toContain('Send supplement');
    expect(responderPage.html).not.toContain('Correct awareness time');

    let page = await aweb.get(`/incidents/${late}`);
    expect(page.html).toContain('Send supplement');
    const sent = await aweb.post(`/incidents/${late}/supplements`, {
      _csrf: hiddenField(page.html, '_csrf'),
      idempotencyKey: hiddenField(page.html, 'idempotencyKey'),
      obligationId: gdpr.id,
      information: 'Root cause: a misconfigured share',
    });
    expect(sent.status).toBe(303);
    page = await aweb.get(`/incidents/${late}`);
    expect(page.html).not.toContain('class="flash error"');
    // The request is on the timeline at once; the send's outcome follows it on the same page.
    expect(page.html).toMatch(
      /regulator\.supplement_requested<\/span>[^<]*<span class="small"[^>]*>— sup\.approver<\/span>/,
    );
    page = await eventually(
      () => aweb.get(`/incidents/${late}`),
      (p) =>
        /regulator\.supplement_(ready|sent)<\/span>[^<]*<span class="small"[^>]*>— sup\.approver<\/span>/.test(p.html),
    );

    const corrected = await aweb.post(`/incidents/${late}/awareness`, {
      _csrf: hiddenField(page.html, '_csrf'),
      idempotencyKey: hiddenField(page.html, 'idempotencyKey'),
      awarenessAt: '2026-11-20T09:30',
      reason: 'The share owner saw it first on the 20th',
    });
    expect(corrected.status).toBe(303);
    expect((await h.api('GET', `/api/incidents/${late}`)).body.awarenessAt).toBe('2026-11-20T09:30:00.000Z');
  });
});
