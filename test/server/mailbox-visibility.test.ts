// The dev mailbox holds what notices would have said and to whom, so it follows
// the incident's restriction like the incident page: a responder who is not a
// member of a restricted incident neither lists nor opens its messages.
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
let secretId: string;
let openId: string;
const SECRET_EMAIL = 'sara.secret@example.com';
const SECRET_PHONE = '+4915112345678';
const OPEN_EMAIL = 'olga.open@example.com';

/** Opens an incident, imports the people, approves the notices and waits until the dev mailbox has them. */
async function notify(csv: string, people: number): Promise<string> {
  const id = await openAndConfirm(h);
  await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' });
  await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { DE: people } }));
  const notices = await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.recipients === people,
  );
  await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: notices.body.noticeVersion });
  await eventually(
    () => h.api('GET', `/api/incidents/${id}`),
    (r) => r.body.counts.delivery.email.sent + r.body.counts.delivery.sms.sent === people,
  );
  return id;
}

const mailboxIdOf = async (to: string) =>
  (await h.db.get<{ id: string }>('SELECT id FROM dev_mailbox WHERE to_address = ?', [to]))!.id;

beforeAll(async () => {
  h = await startHarness();
  secretId = await notify(
    `name,email,phone,jurisdiction,locale\nSara Secret,${SECRET_EMAIL},,DE,en\nSam Sms,,${SECRET_PHONE},DE,en\n`,
    2,
  );
  openId = await notify(`name,email,phone,jurisdiction,locale\nOlga Open,${OPEN_EMAIL},,DE,en\n`, 1);
});
afterAll(async () => {
  await h?.close();
});

describe('the dev mailbox and restricted incidents', () => {
  it('hides a restricted incident’s messages from non-members and shows them to members and admins', async () => {
    const member = await createTestUser(h, { email: 'mia.member@example.org', role: 'responder' });
    const outsider = await createTestUser(h, { email: 'otto.outsider@example.org', role: 'responder' });
    const admin = await createTestUser(h, { email: 'adam.admin@example.org', role: 'admin' });
    const restricted = await h.api('PUT', `/api/incidents/${secretId}/access`, {
      restricted: true,
      memberIds: [member.id],
    });
    expect(restricted.status).toBe(200);
    const emailId = await mailboxIdOf(SECRET_EMAIL);
    const smsId = await mailboxIdOf(SECRET_PHONE);

    const oweb = await logInForm(h, outsider.email, outsider.password);
    const listed = await oweb.get('/mailbox');
    expect(listed.status).toBe(200);
    expect(listed.html).toContain(OPEN_EMAIL);
    expect(listed.html).not.toContain(SECRET_EMAIL);
    expect(listed.html).not.toContain(SECRET_PHONE);
    expect((await oweb.get(`/mailbox/${emailId}`)).status).toBe(404);
    expect((await oweb.get(`/mailbox/${smsId}`)).status).toBe(404);
    const filtered = await oweb.get(`/mailbox?incident=${secretId}`);
    expect(filtered.html).not.toContain(SECRET_EMAIL);
    expect(filtered.html).not.toContain(OPEN_EMAIL);

    for (const who of [member, admin]) {
      const web = await logInForm(h, who.email, who.password);
      const page = await web.get('/mailbox');
      expect(page.html, who.email).toContain(SECRET_EMAIL);
      expect(page.html, who.email).toContain(SECRET_PHONE);
      const message = await web.get(`/mailbox/${smsId}`);
      expect(message.status, who.email).toBe(200);
      expect(message.html).toContain(SECRET_PHONE);
    }
  });

  it('filters by incident and names each message’s incident', async () => {
    const responder = await createTestUser(h, { email: 'rita.filter@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    const page = await web.get(`/mailbox?incident=${openId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(OPEN_EMAIL);
    expect(page.html).toContain(`href="/incidents/${openId}"`);
    expect(page.html).not.toContain(SECRET_EMAIL);
    expect((await web.get('/mailbox?incident=not-an-id')).status).toBe(404);
  });
});
