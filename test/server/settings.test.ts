// Admin settings through the forms: people and roles, regulator addresses per
// regime and the organisation profile; each change audited with the admin,
// and none of it open to an approver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';
import { getOrgProfile } from '../../store/org-profile';

let h: Harness;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let web: Awaited<ReturnType<typeof logInForm>>;

beforeAll(async () => {
  h = await startHarness();
  admin = await createTestUser(h, { email: 'set.admin@example.org', role: 'admin' });
  web = await logInForm(h, admin.email, admin.password);
});
afterAll(async () => {
  await h?.close();
});

const csrfOf = async (path: string) => hiddenField((await web.get(path)).html, '_csrf');

describe('settings', () => {
  it('add a person, change their role, and refuse to demote the last admin', async () => {
    const added = await web.post('/settings/users', {
      _csrf: await csrfOf('/settings/users'),
      email: 'New.Person@example.org',
      displayName: 'New Person',
      role: 'viewer',
      password: 'new-person-pass-1',
    });
    expect(added.status).toBe(303);
    const row = await h.db.get<{ id: string; role: string }>('SELECT id, role FROM users WHERE email = ?', [
      'new.person@example.org',
    ]);
    expect(row!.role).toBe('viewer');
    const page = await web.get('/settings/users');
    expect(page.html).toContain('new.person@example.org');
    expect(page.html).not.toContain('new-person-pass-1');

    await web.post(`/settings/users/${row!.id}/role`, { _csrf: await csrfOf('/settings/users'), role: 'approver' });
    expect((await h.db.get<{ role: string }>('SELECT role FROM users WHERE id = ?', [row!.id]))!.role).toBe('approver');
    const audit = await h.db.get<{ actor: string; details_json: string }>(
      "SELECT actor, details_json FROM audit_log WHERE type = 'user.role_changed'",
    );
    expect(audit!.actor).toBe(`user:${admin.id}`);
    expect(JSON.parse(audit!.details_json)).toMatchObject({ from: 'viewer', to: 'approver' });

    const demote = await web.post(`/settings/users/${admin.id}/role`, {
      _csrf: await csrfOf('/settings/users'),
      role: 'viewer',
    });
    expect(demote.status).toBe(303);
    expect((await web.get('/settings/users')).html).toContain('the last admin cannot be demoted');

    const dup = await web.post('/settings/users', {
      _csrf: await csrfOf('/settings/users'),
      email: 'new.person@example.org',
      displayName: 'Again',
      role: 'viewer',
      password: 'new-person-pass-2',
    });
    expect(dup.status).toBe(303);
    const again = await web.get('/settings/users');
    expect(again.html).toContain('a user with this email exists');
    expect(again.html).toContain('value="Again"');
    expect(again.html).not.toContain('new-person-pass-2');
  });

  it('save a regulator address per regime into the organisation profile', async () => {
    const saved = await web.post('/settings/regulators', {
      _csrf: await csrfOf('/settings/regulators'),
      key: 'eu-gdpr:regulator:ie',
      name: 'Data Protection Commission',
      email: 'breaches@dpc.example',
      portalUrl: '',
    });
    expect(saved.status).toBe(303);
    expect((await getOrgProfile(h.db)).regulators['eu-gdpr:regulator:ie']).toEqual({
      name: 'Data Protection Commission',
      email: 'breaches@dpc.example',
      portalUrl: null,
    });
    const bad = await web.post('/settings/regulators', {
      _csrf: await csrfOf('/settings/regulators'),
      key: 'us-ca',
      name: 'CA AG',
      email: 'not-an-email',
      portalUrl: '',
    });
    expect(bad.status).toBe(303);
    expect((await web.get('/settings/regulators')).html).toMatch(
      /field-error" id="email-error">must be an email address/,
    );
    await web.post('/settings/regulators/remove', {
      _csrf: await csrfOf('/settings/regulators'),
      key: 'eu-gdpr:regulator:ie',
    });
    expect((await getOrgProfile(h.db)).regulators).toEqual({});
    const types = (
      await h.db.all<{ type: string }>("SELECT type FROM audit_log WHERE type LIKE 'settings.regulator_%' ORDER BY seq")
    ).map((r) => r.type);
    expect(types).toEqual(['settings.regulator_saved', 'settings.regulator_removed']);
  });

  it('save the organisation profile', async () => {
    const saved = await web.post('/settings/organisation', {
      _csrf: await csrfOf('/settings/organisation'),
      legalName: 'Breachline Test GmbH',
      mainEstablishment: 'de',
      dpoName: 'Dora DPO',
      dpoEmail: 'dpo@test.example',
      dpoPhone: '',
      incidentOwnerEmail: 'security@test.example',
      contactUrl: '',
      postalAddress: 'Hauptstraße 1\r\n10115 Berlin',
      contactPhone: '+493055501000',
    });
    expect(saved.status).toBe(303);
    expect(await getOrgProfile(h.db)).toMatchObject({
      legalName: 'Breachline Test GmbH',
      mainEstablishment: 'DE',
      dpo: { name: 'Dora DPO', email: 'dpo@test.example', phone: null },
      postalAddress: 'Hauptstraße 1\n10115 Berlin',
      contactPhone: '+493055501000',
    });
    const page = await web.get('/settings/organisation');
    expect(page.html).toContain('Hauptstraße 1\n10115 Berlin</textarea>');
    expect(page.html).toContain('value="+493055501000"');
  });

  it('create a token for a person, shown once and acting with their role, and revoke any token', async () => {
    const owner = await createTestUser(h, { email: 'tok.owner@example.org', role: 'responder', name: 'Tok Owner' });
    const created = await web.post('/settings/tokens', {
      _csrf: await csrfOf('/settings/tokens'),
      userId: owner.id,
      name: 'ticket bridge',
    });
    expect(created.status).toBe(201);
    const token = /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
    const list = await web.get('/settings/tokens');
    expect(list.html).toContain('ticket bridge');
    expect(list.html).not.toContain(token);
    const asOwner = { authorization: `Bearer ${token}` };
    expect((await h.api('GET', '/api/incidents', undefined, asOwner)).status).toBe(200);
    expect((await h.api('PUT', '/api/settings/organisation', {}, asOwner)).status).toBe(403);
    const row = await h.db.get<{ id: string }>("SELECT id FROM api_tokens WHERE name = 'ticket bridge'");
    expect(
      (await web.post(`/settings/tokens/${row!.id}/revoke`, { _csrf: await csrfOf('/settings/tokens') })).status,
    ).toBe(303);
    expect((await h.api('GET', '/api/incidents', undefined, asOwner)).status).toBe(401);
  });

  it('are refused to an approver', async () => {
    const approver = await createTestUser(h, { email: 'not.admin@example.org', role: 'approver' });
    const aweb = await logInForm(h, approver.email, approver.password);
    for (const p of [
      '/settings/users',
      '/settings/tokens',
      '/settings/webhooks',
      '/settings/regulators',
      '/settings/organisation',
    ])
      expect((await aweb.get(p)).status, p).toBe(403);
    const page = await aweb.get('/dashboard');
    expect(page.html).not.toContain('href="/settings/users"');
    expect(
      (
        await aweb.post('/settings/users', {
          _csrf: hiddenField(page.html, '_csrf'),
          email: 'x@example.org',
          displayName: 'X',
          role: 'admin',
          password: 'escalate-me-12345',
        })
      ).status,
    ).toBe(403);
    expect(await h.db.get('SELECT id FROM users WHERE email = ?', ['x@example.org'])).toBeUndefined();
  });
});
