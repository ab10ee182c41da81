// A person's web sessions are indexed at login, so disabling the account or a
// new password ends them in the session store itself, and logging out drops the row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserSessions } from '../../store/sessions';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { storedSessionIds } from '../support/session-rows';
import { hiddenField } from '../e2e/helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Web = Awaited<ReturnType<typeof logInForm>>;
/** The session id inside the signed cookie (`s:<sid>.<signature>`). */
const sidOf = (web: Web) => {
  const cookie = decodeURIComponent(web.cookies.get('bl.sid') ?? '');
  return cookie.slice(2, cookie.lastIndexOf('.'));
};
const storedSids = () => storedSessionIds(h);
const indexedSids = async (userId: string) => (await listUserSessions(h.db, userId)).map((s) => s.sid).sort();

describe('web sessions', () => {
  it('a password change ends the other sessions in the store and keeps this one', async () => {
    const u = await createTestUser(h, { email: 'sid.sessions@example.org', role: 'responder' });
    const here = await logInForm(h, u.email, u.password);
    const elsewhere = await logInForm(h, u.email, u.password);
    expect(await indexedSids(u.id)).toEqual([sidOf(here), sidOf(elsewhere)].sort());

    const page = await here.get('/account');
    const changed = await here.post('/account/password', {
      _csrf: hiddenField(page.html, '_csrf'),
      current: u.password,
      next: 'a-new-password-0123456789',
    });
    expect(changed.status).toBe(303);
    expect(await indexedSids(u.id)).toEqual([sidOf(here)]);
    expect(await storedSids()).not.toContain(sidOf(elsewhere));
    expect((await elsewhere.get('/dashboard')).status).toBe(302);
    expect((await here.get('/dashboard')).status).toBe(200);

    const logout = await here.post('/logout', { _csrf: hiddenField((await here.get('/account')).html, '_csrf') });
    expect(logout.status).toBe(303);
    expect(await indexedSids(u.id)).toEqual([]);
  });

  it('disabling an account ends every session it has', async () => {
    const admin = await createTestUser(h, { email: 'ada.sessions@example.org', role: 'admin' });
    const u = await createTestUser(h, { email: 'dan.disabled@example.org', role: 'responder' });
    const one = await logInForm(h, u.email, u.password);
    const two = await logInForm(h, u.email, u.password);
    expect(await indexedSids(u.id)).toHaveLength(2);

    const adminWeb = await logInForm(h, admin.email, admin.password);
    const users = await adminWeb.get('/settings/users');
    const disabled = await adminWeb.post(`/settings/users/${u.id}/disable`, {
      _csrf: hiddenField(users.html, '_csrf'),
    });
    expect(disabled.status).toBe(303);
    expect(await indexedSids(u.id)).toEqual([]);
    const stored = await storedSids();
    expect(stored).not.toContain(sidOf(one));
    expect(stored).not.toContain(sidOf(two));
    expect(stored).toContain(sidOf(adminWeb));
    expect((await one.get('/dashboard')).status).toBe(302);
  });
});
