// The permission table enforced on the server: viewers never see data
// subjects' contact data, responders cannot approve, and a restricted incident
// is absent for non-members everywhere (list, search, page, register, CSV, API).
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
import { hiddenField } from '../e2e/helpers';
import { PERMISSIONS, can } from '../../server/permissions';
import { createApiToken } from '../../server/use-cases/accounts';

let h: Harness;
let id: string;
const CSV = 'name,email,phone,jurisdiction,locale\nVera Viewer-Hidden,vera.hidden@example.com,,DE,en\n';

beforeAll(async () => {
  h = await startHarness();
  id = await openAndConfirm(h);
  await h.api('POST', `/api/incidents/${id}/subjects`, CSV, { 'content-type': 'text/csv' });
  await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { DE: 1 } }));
  const notices = await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.recipients === 1,
  );
  await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: notices.body.noticeVersion });
  await eventually(
    () => h.api('GET', `/api/incidents/${id}`),
    (r) => r.body.counts.delivery.email.sent === 1,
  );
});
afterAll(async () => {
  await h?.close();
});

describe('the permission table', () => {
  it('grows with the role: each role can do all the role below it can', () => {
    const roles = ['viewer', 'responder', 'approver', 'admin'] as const;
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      if (p === 'incident.read' || p === 'account.self' || p === 'register.export') continue;
      for (let i = 1; i < roles.length; i++)
        if (can(roles[i - 1]!, p)) expect(can(roles[i]!, p), `${roles[i]} ${p}`).toBe(true);
    }
    expect(can('responder', 'notices.approve')).toBe(false);
    expect(can('approver', 'users.manage')).toBe(false);
    expect(can('viewer', 'contacts.read')).toBe(false);
  });
});

describe('viewers and contact data', () => {
  it('show a viewer the incident without recipients, and refuse the mailbox and the outbox API', async () => {
    const viewer = await createTestUser(h, { email: 'vic.viewer@example.org', role: 'viewer' });
    const web = await logInForm(h, viewer.email, viewer.password);
    const page = await web.get(`/incidents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('vera.hidden@example.com');
    expect(page.html).not.toContain('Dev mailbox');
    expect((await web.get('/mailbox')).status).toBe(403);
    const { token } = await createApiToken(h.db, { id: viewer.id, role: 'viewer' }, 'viewer cli', {
      kind: 'user',
      id: viewer.id,
    });
    const asViewer = { authorization: `Bearer ${token}` };
    expect((await h.api('GET', `/api/incidents/${id}`, undefined, asViewer)).status).toBe(200);
    expect((await h.api('GET', `/api/incidents/${id}/notifications`, undefined, asViewer)).status).toBe(403);

    const responder = await createTestUser(h, { email: 'rae.responder@example.org', role: 'responder' });
    const rweb = await logInForm(h, responder.email, responder.password);
    expect((await rweb.get(`/incidents/${id}`)).html).toContain('vera.hidden@example.com');
    expect((await rweb.get('/mailbox')).html).toContain('vera.hidden@example.com');
  });

  it('refuses a responder’s approval on the API and in the UI, and shows no approve button', async () => {
    const responder = await createTestUser(h, { email: 'ron.responder@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    const page = await web.get(`/incidents/${id}`);
    expect(page.html).not.toContain('Approve exactly these notices');
    const ui = await web.post(`/incidents/${id}/approval`, {
      _csrf: hiddenField(page.html, '_csrf'),
      noticeVersion: 'a'.repeat(64),
    });
    expect(ui.status).toBe(403);
  });
});

describe('restricted incidents', () => {
  it('are absent for non-members everywhere, and present for members and admins', async () => {
    const secretId = await openAndConfirm(h);
    await h.db.run('UPDATE incidents SET title = ? WHERE id = ?', ['Board member mailbox compromise', secretId]);
    const approver = await createTestUser(h, { email: 'ava.approver@example.org', role: 'approver' });
    const outsider = await createTestUser(h, { email: 'oscar.outsider@example.org', role: 'approver' });
    const aweb = await logInForm(h, approver.email, approver.password);
    const page = await aweb.get(`/incidents/${secretId}`);
    const saved = await aweb.post(`/incidents/${secretId}/access`, {
      _csrf: hiddenField(page.html, '_csrf'),
      restricted: 'on',
    });
    expect(saved.status).toBe(303);
    const audit = await h.db.get<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE type = 'incident.access_changed' AND incident_id = ?",
      [secretId],
    );
    expect(audit!.actor).toBe(`user:${approver.id}`);

    // The approver stayed a member; the outsider finds nothing.
    expect((await aweb.get(`/incidents/${secretId}`)).status).toBe(200);
    expect((await aweb.get('/incidents')).html).toContain('Board member mailbox compromise');
    const oweb = await logInForm(h, outsider.email, outsider.password);
    expect((await oweb.get(`/incidents/${secretId}`)).status).toBe(404);
    expect((await oweb.get(`/incidents/${secretId}/report`)).status).toBe(404);
    for (const p of ['/incidents', '/incidents?q=Board', '/dashboard', '/register', '/register.csv']) {
      expect((await oweb.get(p)).html, p).not.toContain('Board member mailbox');
    }
    const oPage = await oweb.get('/incidents');
    expect(
      (await oweb.post(`/incidents/${secretId}/close`, { _csrf: hiddenField(oPage.html, '_csrf'), summary: 'x' }))
        .status,
    ).toBe(404);

    // The API: a personal token of the outsider gets 404 and an empty search.
    const tokenPage = await oweb.get('/account');
    const created = await oweb.post('/account/tokens', { _csrf: hiddenField(tokenPage.html, '_csrf'), name: 'cli' });
    const token = /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
    const asOutsider = { authorization: `Bearer ${token}` };
    expect((await h.api('GET', `/api/incidents/${secretId}`, undefined, asOutsider)).status).toBe(404);
    expect((await h.api('POST', `/api/incidents/${secretId}/close`, { summary: 'x' }, asOutsider)).status).toBe(404);
    const listed = await h.api('GET', '/api/incidents?q=Board', undefined, asOutsider);
    expect(listed.body.incidents).toEqual([]);

    // Admins see it (the bootstrap admin token too).
    expect((await h.api('GET', `/api/incidents/${secretId}`)).status).toBe(200);
    expect((await h.api('GET', '/api/incidents?q=Board')).body.incidents.map((i: { id: string }) => i.id)).toEqual([
      secretId,
    ]);
  });
});
