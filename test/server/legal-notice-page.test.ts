// Through the whole app (workflow, rules activity, render, approval, wave, local outbox): a Californian's
// email is the statute's "Notice of Data Breach", and the incident page shows per person whether the
// channels their notice went out on count under the law of their residence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  eventually,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await openAndConfirm(h);
  const csv =
    'name,email,phone,jurisdiction,locale\n' +
    'Carla Mail,carla@example.org,,US-CA,en\n' +
    'Carlos Phone,,+14155550123,US-CA,en\n' +
    'Tex Phone,,+15125550123,US-TX,en\n';
  await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' });
  await h.api(
    'POST',
    `/api/incidents/${id}/assessment`,
    assessmentBody({ dataElements: ['name', 'national_id'], affected: { 'US-CA': 2, 'US-TX': 1 } }),
  );
  const notices = await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.recipients === 3,
  );
  const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: notices.body.noticeVersion });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  await eventually(
    () => h.api('GET', `/api/incidents/${id}`),
    (r) => r.body.counts.delivery.email.sent + r.body.counts.delivery.sms.sent === 3,
  );
});
afterAll(async () => {
  await h?.close();
});

describe('the law of the residence, end to end', () => {
  it("sends the Californian the statute's notice", async () => {
    const mail = await h.db.get<{ html: string }>('SELECT html FROM dev_mailbox WHERE to_address = ?', [
      'carla@example.org',
    ]);
    expect(mail!.html).toContain('Notice of Data Breach</h1>');
    expect(mail!.html).toContain('<h2>What We Are Doing</h2>');
  });

  it('shows per person whether their legal notice is met by the channels used', async () => {
    const admin = await createTestUser(h, { email: 'lena.legal@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const page = await web.get(`/incidents/${id}`);
    expect(page.html).toContain('Legal notice per person');
    const verdict = (name: string) =>
      new RegExp(`data-verdict="([a-z_]+)"><td>${name}</td>`).exec(page.html)?.[1] ?? null;
    // California counts written notice, or email with E-SIGN consent; a text message does not count there.
    expect(verdict('Carlos Phone')).toBe('not_met');
    expect(verdict('Carla Mail')).toBe('met_if_consented');
    expect(verdict('Tex Phone')).toBe('met');
  });
});
