// Approval refuses what would mislead people or break the notice (issue 14): a notice without a
// public headline, notices in the name of the built-in example organisation, and (with a real
// provider) links to a public page on a loopback address. A refusal changes nothing: the incident
// still awaits approval, and a later valid approval works.
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
import { COMPLETE_ORG_PROFILE, TEST_PUBLIC_HEADLINE } from '../support/org-profile';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { hiddenField } from '../e2e/helpers';
import { createSendGridProvider } from '../../activities/providers';

const INTERNAL_TITLE = 'UX41: Customer DB export via leaked admin credential';

async function openAssessed(h: Harness, assessment: Record<string, unknown>): Promise<string> {
  const created = await h.api('POST', '/api/incidents', incidentBody({ title: INTERNAL_TITLE }));
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(
    (await h.api('POST', `/api/incidents/${id}/triage`, { decision: 'confirm', reason: 'confirmed' })).status,
  ).toBe(200);
  const assessed = await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody(assessment));
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  return id;
}

const noticesOf = (h: Harness, id: string) =>
  eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => typeof r.body.noticeVersion === 'string',
  ).then(
    (r) => r.body as { noticeVersion: string; notices: { audience: string; html: string | null; text: string }[] },
  );

/** The refusal left the incident as it was: awaiting approval, nothing approved, no approval note kept. */
async function expectStillAwaitingApproval(h: Harness, id: string) {
  const shown = (await h.api('GET', `/api/incidents/${id}`)).body;
  expect(shown.stage).toBe('approval');
  expect(shown.approval).toBeNull();
  expect(shown.timeline.some((e: { type: string }) => e.type === 'notices.approved')).toBe(false);
  const notes = await h.db.all("SELECT id FROM notes WHERE incident_id = ? AND kind = 'approval'", [id]);
  expect(notes).toHaveLength(0);
}

describe('approval with a complete organisation profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a notice without a public headline with 409 naming publicHeadline, then approves once one is given', async () => {
    const id = await openAssessed(h, { publicHeadline: undefined, affected: { DE: 10 } });
    const first = await noticesOf(h, id);
    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: first.noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('publicHeadline');
    await expectStillAwaitingApproval(h, id);

    const reassessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ publicHeadline: 'Your account details may have been exposed', affected: { DE: 10 } }),
    );
    expect(reassessed.status).toBe(200);
    const current = await eventually(
      () => noticesOf(h, id),
      (n) => n.noticeVersion !== first.noticeVersion,
    );
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: current.noticeVersion });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });

  it('puts the public headline, never the internal title, in the notices and the regulator report', async () => {
    const id = await openAssessed(h, { publicHeadline: 'Your account details may have been exposed' });
    const { notices } = await noticesOf(h, id);
    const email = notices.find((n) => n.audience === 'individuals' && n.html !== null)!;
    expect(email.html).toContain('Your account details may have been exposed');
    const report = notices.find((n) => n.audience.startsWith('regulator:'))!;
    expect(report.text).toContain('Your account details may have been exposed');
    for (const n of notices) expect(`${n.html ?? ''}${n.text}`).not.toContain('UX41');
  });

  it('refuses a headline over 120 characters with 400 naming publicHeadline, and shows the saved one in the re-assess form', async () => {
    const id = await openAssessed(h, { publicHeadline: 'We lost track of <your> data' });
    const tooLong = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ publicHeadline: 'x'.repeat(121) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.field).toBe('publicHeadline');
    const responder = await createTestUser(h, { email: 'hana.headline@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    expect((await web.get(`/incidents/${id}`)).html).toContain(
      'name="publicHeadline" maxlength="120" value="We lost track of &lt;your&gt; data"',
    );
  });

  it('with the local outbox only, warns on the approval form that the public URL is unset, and approves', async () => {
    const id = await openAssessed(h, { affected: { DE: 10 } });
    const approver = await createTestUser(h, { email: 'uma.unset@example.org', role: 'admin' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = (await web.get(`/incidents/${id}`)).html;
    const warning = /data-testid="public-link-warning">([^<]+)</.exec(page)?.[1];
    expect(warning).toContain('BREACHLINE_PUBLIC_URL is not set');
    expect(warning).toContain('local outbox');
    const { noticeVersion } = await noticesOf(h, id);
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion })).status).toBe(200);
  });

  it('round-trips postalAddress and contactPhone through GET/PUT /api/settings/organisation and refuses a bad phone', async () => {
    const profile = { ...COMPLETE_ORG_PROFILE, postalAddress: '2 Quay Road\nCork', contactPhone: '+353215550199' };
    const put = await h.api('PUT', '/api/settings/organisation', profile);
    expect(put.status).toBe(200);
    const got = await h.api('GET', '/api/settings/organisation');
    expect(got.body).toMatchObject({ postalAddress: '2 Quay Road\nCork', contactPhone: '+353215550199' });
    const bad = await h.api('PUT', '/api/settings/organisation', { ...profile, contactPhone: '021 555 0199' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('contactPhone');
    expect((await h.api('GET', '/api/settings/organisation')).body.contactPhone).toBe('+353215550199');
  });
});

describe('approval with the built-in example organisation profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ defaultOrgProfile: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is refused with 409 naming the missing fields, and works once the profile is complete', async () => {
    const id = await openAssessed(h, { publicHeadline: TEST_PUBLIC_HEADLINE, affected: { DE: 10 } });
    const { noticeVersion } = await noticesOf(h, id);
    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('legalName');
    for (const f of ['legalName', 'dpo', 'postalAddress', 'contactPhone']) expect(refused.body.error).toContain(f);
    await expectStillAwaitingApproval(h, id);

    // A real name and DPO, still without an address and a phone: those two are named.
    const partial = { ...COMPLETE_ORG_PROFILE, postalAddress: null, contactPhone: null };
    expect((await h.api('PUT', '/api/settings/organisation', partial)).status).toBe(200);
    const stillRefused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion });
    expect(stillRefused.status).toBe(409);
    expect(stillRefused.body.field).toBe('postalAddress');
    expect(stillRefused.body.error).toContain('contactPhone');
    expect(stillRefused.body.error).not.toContain('legalName');
    await expectStillAwaitingApproval(h, id);

    expect((await h.api('PUT', '/api/settings/organisation', COMPLETE_ORG_PROFILE)).status).toBe(200);
    // The version on screen still speaks in the example's name: refused until rendered again.
    const stale = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion });
    expect(stale.status).toBe(409);
    expect(stale.body.field).toBe('noticeVersion');
    await expectStillAwaitingApproval(h, id);
    expect((await h.api('POST', `/api/incidents/${id}/recompute`, { reason: 'profile completed' })).status).toBe(200);
    const current = await eventually(
      () => noticesOf(h, id),
      (n) => n.notices.some((x) => (x.html ?? '').includes(COMPLETE_ORG_PROFILE.legalName)),
    );
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: current.noticeVersion });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });
});

describe('approval with a real provider configured and a loopback public URL', () => {
  let h: Harness;
  let sendgrid: SendGridStandIn;
  beforeAll(async () => {
    // The app's configuration names SendGrid at its real API address, so approval treats messages as
    // reaching people; the worker's email provider is the SDK pointed at the loopback stand-in.
    sendgrid = await startSendGridStandIn({ apiKey: 'SG.gate-key' });
    h = await startHarness({
      env: {
        SENDGRID_API_KEY: 'SG.gate-key',
        SENDGRID_FROM_EMAIL: 'notices@breachline-test.example',
        BREACHLINE_PUBLIC_URL: 'http://127.0.0.1:9',
      },
      email: createSendGridProvider({
        apiKey: 'SG.gate-key',
        fromEmail: 'notices@breachline-test.example',
        baseUrl: sendgrid.url,
        timeoutMs: 5000,
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
    await sendgrid?.close();
  });

  it('is refused with 409 naming BREACHLINE_PUBLIC_URL while the notices carry the link; with "no public link" no message carries it', async () => {
    const id = await openAssessed(h, {
      publicHeadline: 'Your account details may have been exposed',
      affected: { DE: 2 },
    });
    const csv =
      'name,email,phone,jurisdiction,locale\nGina Gate,gina.gate@example.com,,DE,en\nSami Sms,,+4915112340001,DE,en\n';
    expect((await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' })).status).toBe(
      200,
    );
    const { noticeVersion, notices } = await eventually(
      () => noticesOf(h, id),
      (n) => n.notices.length > 0,
    );
    expect(notices.some((n) => n.audience === 'individuals' && n.text.includes(`/public/notices/${id}`))).toBe(true);
    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('BREACHLINE_PUBLIC_URL');
    await expectStillAwaitingApproval(h, id);

    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion, noPublicLink: true });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.counts.delivery.email.sent === 1 && r.body.counts.delivery.sms.sent === 1,
    );
    const email = sendgrid.received.find((m) => m.to === 'gina.gate@example.com')!;
    expect(email.subject).not.toContain('UX41');
    expect(email.html).toContain('Your account details may have been exposed');
    expect(email.text).toContain('Your account details may have been exposed');
    expect(`${email.subject}${email.html}${email.text}`).not.toContain('UX41');
    expect(`${email.html}${email.text}`).not.toContain('/public/notices/');
    // The contact block gives the organisation's telephone number (the profile has no DPO phone).
    expect(email.text).toContain(COMPLETE_ORG_PROFILE.contactPhone!);
    expect(email.text).toContain('1 Test Street, Dublin 2, D02 XY00, Ireland');
    const sms = await h.db.get<{ text: string }>(
      "SELECT text FROM dev_mailbox WHERE channel = 'sms' AND incident_id = ?",
      [id],
    );
    expect(sms!.text).not.toContain('/public/notices/');
  });

  it('on the approval form, shows why approval is refused and approves with "No public link" ticked', async () => {
    const id = await openAssessed(h, { affected: { DE: 2 } });
    const { noticeVersion } = await noticesOf(h, id);
    const approver = await createTestUser(h, { email: 'ari.approver@example.org', role: 'admin' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = await web.get(`/incidents/${id}`);
    expect(/data-testid="public-link-warning">([^<]+)</.exec(page.html)?.[1]).toContain('Approval is refused');
    const fields = { noticeVersion, note: 'checked', approvalOptions: '1', notifyLaterImports: 'on' };
    await web.post(`/incidents/${id}/approval`, { ...fields, _csrf: hiddenField(page.html, '_csrf') });
    const refused = await web.get(`/incidents/${id}`);
    expect(refused.html).toContain('(BREACHLINE_PUBLIC_URL)');
    await expectStillAwaitingApproval(h, id);
    await web.post(`/incidents/${id}/approval`, {
      ...fields,
      noPublicLink: 'on',
      _csrf: hiddenField(refused.html, '_csrf'),
    });
    expect((await h.api('GET', `/api/incidents/${id}`)).body.approval?.noticeVersion).toBe(noticeVersion);
    const chosen = await h.db.get<{ no_public_link: number }>(
      'SELECT no_public_link FROM notice_approval_options WHERE incident_id = ? AND notice_version = ?',
      [id, noticeVersion],
    );
    expect(chosen?.no_public_link).toBe(1);
  });
});

describe('approval of a policy with telephone calls, with Twilio configured and no public URL', () => {
  let h: Harness;
  beforeAll(async () => {
    // Twilio at its real address in the app's configuration: calls would reach people. Nothing is sent here.
    h = await startHarness({
      env: {
        TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
        TWILIO_AUTH_TOKEN: 'twilio-gate-token',
        TWILIO_FROM_NUMBER: '+15005550006',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is refused naming BREACHLINE_PUBLIC_URL, since no call outcome could come back; a policy without calls is not', async () => {
    const calls = await openAssessed(h, { affected: { DE: 2 }, channelPolicy: 'sms_or_call' });
    const { noticeVersion } = await eventually(
      () => noticesOf(h, calls),
      (n) => n.notices.length > 0,
    );
    const refused = await h.api('POST', `/api/incidents/${calls}/approval`, { noticeVersion, noPublicLink: true });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ field: 'BREACHLINE_PUBLIC_URL' });
    expect(refused.body.error).toContain('telephone calls');
    await expectStillAwaitingApproval(h, calls);

    const texts = await openAssessed(h, { affected: { DE: 2 }, channelPolicy: 'sms_fallback' });
    const other = await eventually(
      () => noticesOf(h, texts),
      (n) => n.notices.length > 0,
    );
    const approved = await h.api('POST', `/api/incidents/${texts}/approval`, {
      noticeVersion: other.noticeVersion,
      noPublicLink: true,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });
});
