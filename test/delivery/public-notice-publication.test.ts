// The public notice is a real page whenever a message links to it (issue 14): the approved
// version's page is published before its first message goes to a provider, even when everyone
// has contact data (no substitute notice is due), and not while a hold delays the notices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentBody, eventually, openAndConfirm, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const publicPage = (id: string) => fetch(`${h.baseUrl}/public/notices/${id}`);

/** The workflow has nothing scheduled and no task pending: every turn the last update caused is over. */
const idle = (id: string) =>
  eventually(
    async () => (await h.client.workflow.getHandle(`incident-${id}`).describe()).raw,
    (raw) => (raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask,
  );

async function assessedWithOnePerson(email: string): Promise<{ id: string; noticeVersion: string }> {
  const id = await openAndConfirm(h);
  const csv = `name,email,jurisdiction,locale\nPia Public,${email},DE,en\n`;
  expect((await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' })).status).toBe(200);
  expect(
    (
      await h.api(
        'POST',
        `/api/incidents/${id}/assessment`,
        assessmentBody({ affected: { DE: 1 }, publicHeadline: 'Your order history may have been exposed' }),
      )
    ).status,
  ).toBe(200);
  const notices = await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.recipients === 1,
  );
  return { id, noticeVersion: notices.body.noticeVersion as string };
}

const emailSent = (id: string) =>
  eventually(
    () => h.api('GET', `/api/incidents/${id}`),
    (r) => r.body.counts.delivery.email.sent === 1,
  );

describe('the public notice page', () => {
  it('is published before the first email linking to it is sent, though everyone has contact data', async () => {
    const { id, noticeVersion } = await assessedWithOnePerson('pia.public@example.com');
    expect((await publicPage(id)).status).toBe(404);
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion })).status).toBe(200);
    await emailSent(id);
    const mail = await h.db.get<{ text: string; created_at: string }>(
      "SELECT text, created_at FROM dev_mailbox WHERE incident_id = ? AND channel = 'email'",
      [id],
    );
    expect(mail!.text).toContain(`/public/notices/${id}`);
    const page = await publicPage(id);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Your order history may have been exposed');
    const published = await h.db.get<{ published_at: string; notice_version: string }>(
      "SELECT published_at, notice_version FROM public_notices WHERE incident_id = ? AND locale = 'en'",
      [id],
    );
    expect(published!.notice_version).toBe(noticeVersion);
    expect(Date.parse(published!.published_at)).toBeLessThanOrEqual(Date.parse(mail!.created_at));
    // Nobody lacked contact data: the page is there because a message links to it, not as a substitute notice.
    const shown = (await h.api('GET', `/api/incidents/${id}`)).body;
    expect(shown.timeline.some((e: { type: string }) => e.type === 'substitute.published')).toBe(false);
  });

  it('is not published while a hold delays the notices, and is once the hold is released', async () => {
    const { id, noticeVersion } = await assessedWithOnePerson('hal.held@example.com');
    const held = await h.api('POST', `/api/incidents/${id}/hold`, {
      source: 'law_enforcement',
      agency: 'Bundeskriminalamt',
      caseReference: 'BKA-PUB-0001',
      form: 'written',
      reason: 'The investigators asked in writing that nobody is told for now.',
    });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion })).status).toBe(200);
    await idle(id);
    const during = (await h.api('GET', `/api/incidents/${id}`)).body;
    expect(during.counts.delivery.email.sent).toBe(0);
    expect((await publicPage(id)).status).toBe(404);

    expect((await h.api('POST', `/api/incidents/${id}/hold/release`, { reason: 'cleared' })).status).toBe(200);
    await emailSent(id);
    expect((await publicPage(id)).status).toBe(200);
  });

  it('a newer version replaces it at the main address; the older one stays at its own address and says it is superseded', async () => {
    const { id, noticeVersion: v1 } = await assessedWithOnePerson('vera.versions@example.com');
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: v1 })).status).toBe(200);
    await emailSent(id);
    const reassessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ affected: { DE: 1 }, publicHeadline: 'Update: your order history and address were exposed' }),
    );
    expect(reassessed.status).toBe(200);
    const v2 = (
      await eventually(
        () => h.api('GET', `/api/incidents/${id}/notices`),
        (r) => r.body.noticeVersion !== v1,
      )
    ).body.noticeVersion as string;
    // Sent as a correction to the person told v1: the first message linking to v2's page.
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: v2, correction: true })).status).toBe(
      200,
    );
    await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.counts.delivery.email.sent === 2,
    );

    const main = await (await publicPage(id)).text();
    expect(main).toContain('Update: your order history and address were exposed');
    const older = await fetch(`${h.baseUrl}/public/notices/${id}/versions/${v1}`);
    expect(older.status).toBe(200);
    const olderHtml = await older.text();
    expect(olderHtml).toContain('Your order history may have been exposed');
    expect(olderHtml).toContain('This notice has been superseded');
    expect(olderHtml).toContain(`href="/public/notices/${id}"`);
    const current = await (await fetch(`${h.baseUrl}/public/notices/${id}/versions/${v2}`)).text();
    expect(current).toContain('Update: your order history and address were exposed');
    expect(current).not.toContain('superseded');
    expect((await fetch(`${h.baseUrl}/public/notices/${id}/versions/${'0'.repeat(64)}`)).status).toBe(404);
  });
});
