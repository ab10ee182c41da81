// Through the whole app (workflow, rules activity, render, approval, wave, local outbox): a Californian's
// email is the statute's "Notice of Data Breach", and the incident page shows per person whether the
// channels their notice went out on count under the law of their residence; a Californian reached only by
// text message is offered a letter, which meets the law once its batch is recorded as mailed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenField } from '../e2e/helpers';
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
    'name,email,phone,jurisdiction,locale,postalAddress\n' +
    'Carla Mail,carla@example.org,,US-CA,en,\n' +
    'Carlos Phone,,+14155550123,US-CA,en,"12 Harbor Way\\nSan Diego, CA 92101"\n' +
    'Tex Phone,,+15125550123,US-TX,en,\n';
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

  it('prepares a letter for the Californian reached by text message, and counts it once mailed', async () => {
    const approver = await createTestUser(h, { email: 'lou.letters@example.org', role: 'admin' });
    const web = await logInForm(h, approver.email, approver.password);
    const room = await web.get(`/incidents/${id}`);
    const prepared = await web.post(`/incidents/${id}/letters`, {
      _csrf: hiddenField(room.html, '_csrf'),
      paper: 'letter',
    });
    expect(prepared.status).toBe(303);
    const page = await web.get(`/incidents/${id}`);
    expect(page.html).not.toContain('class="error"');
    // Carla's email counts only with consent, which is not recorded: she needs a letter too, and has no address.
    expect(page.html).toContain('People who need a letter but have no postal address: 1.');
    const batch = /data-letter-batch="([0-9A-Z]{26})"><td>1<\/td><td><code>[0-9a-f]+<\/code><\/td><td>1<\/td>/.exec(
      page.html,
    )?.[1];
    expect(batch).toBeDefined();
    const pdf = await fetch(`${h.baseUrl}/incidents/${id}/letters/${batch}/letters.pdf`, {
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const manifest = await web.get(`/incidents/${id}/letters/${batch}/manifest.csv`);
    expect(manifest.html).toContain('Carlos Phone,12 Harbor Way,"San Diego, CA 92101"');

    const mailed = await web.post(`/incidents/${id}/letters/mailed`, {
      _csrf: hiddenField(page.html, '_csrf'),
      batchId: batch!,
      mailedOn: new Date().toISOString().slice(0, 10),
    });
    expect(mailed.status).toBe(303);
    const after = await web.get(`/incidents/${id}`);
    expect(new RegExp(`data-verdict="([a-z_]+)"><td>Carlos Phone</td>`).exec(after.html)?.[1]).toBe('met');
    expect(new RegExp(`data-verdict="([a-z_]+)"><td>Carla Mail</td>`).exec(after.html)?.[1]).toBe('met_if_consented');
  });
});
