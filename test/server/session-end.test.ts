// What ends a person's access ends all of it: disabling them, an admin's new
// password and their own new password end their sessions and revoke their API
// tokens, so re-enabling someone starts from nothing. And no session outlives its
// absolute lifetime, however busy it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from '../../app.config';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { readStoredSession, storedSessionIds, writeStoredSession } from '../support/session-rows';
import { hiddenField, waitFor } from '../e2e/helpers';

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

async function newToken(web: Web, name: string): Promise<string> {
  const account = await web.get('/account');
  const created = await web.post('/account/tokens', { _csrf: hiddenField(account.html, '_csrf'), name });
  expect(created.status).toBe(201);
  return /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
}
const apiStatus = async (token: string) =>
  (await h.api('GET', '/api/incidents', undefined, { authorization: `Bearer ${token}` })).status;
const isLoggedOut = async (web: Web) => {
  const res = await web.get('/dashboard');
  return res.status === 302 && (res.location ?? '').startsWith('/login');
};

async function adminPost(admin: Web, action: string, form: Record<string, string> = {}) {
  const users = await admin.get('/settings/users');
  const res = await admin.post(action, { _csrf: hiddenField(users.html, '_csrf'), ...form });
  expect(res.status).toBe(303);
  expect((await admin.get('/settings/users')).html).not.toContain('Not saved');
}

describe('ending a person’s access', () => {
  it('after disable and re-enable, no old session or token works, even a session an in-flight request wrote back', async () => {
    const admin = await createTestUser(h, { email: 'ada.ends@example.org', role: 'admin' });
    const u = await createTestUser(h, { email: 'rene.returns@example.org', role: 'responder' });
    const web = await logInForm(h, u.email, u.password);
    const token = await newToken(web, 'returning script');
    expect(await apiStatus(token)).toBe(200);
    expect(await isLoggedOut(web)).toBe(false);
    // A request that loaded this session before the disable saves it when it ends (connect-sqlite3's
    // set is INSERT OR REPLACE): the row comes back after the store destroyed it.
    const inFlight = await readStoredSession(h, sidOf(web));
    expect(inFlight).toBeDefined();

    const adminWeb = await logInForm(h, admin.email, admin.password);
    await adminPost(adminWeb, `/settings/users/${u.id}/disable`);
    await writeStoredSession(h, inFlight!);
    await adminPost(adminWeb, `/settings/users/${u.id}/enable`);

    expect(await isLoggedOut(web)).toBe(true);
    expect(await apiStatus(token)).toBe(401);
    const revoked = await h.db.get<{ revoked_at: string | null }>(
      "SELECT revoked_at FROM api_tokens WHERE name = 'returning script'",
    );
    expect(revoked!.revoked_at).not.toBeNull();
    // Starting fresh works.
    const again = await logInForm(h, u.email, u.password);
    expect(await apiStatus(await newToken(again, 'new script'))).toBe(200);
  });

  it('an admin’s new password ends the person’s sessions and revokes their tokens', async () => {
    const admin = await createTestUser(h, { email: 'ada.resets@example.org', role: 'admin' });
    const u = await createTestUser(h, { email: 'fred.forgot@example.org', role: 'approver' });
    const web = await logInForm(h, u.email, u.password);
    const token = await newToken(web, 'forgetful script');
    expect(await apiStatus(token)).toBe(200);

    await adminPost(await logInForm(h, admin.email, admin.password), `/settings/users/${u.id}/password`, {
      password: 'a-new-password-from-admin',
    });
    expect(await isLoggedOut(web)).toBe(true);
    expect(await apiStatus(token)).toBe(401);
    await logInForm(h, u.email, 'a-new-password-from-admin');
  });

  it('their own new password keeps this session, ends the others and revokes their tokens', async () => {
    const u = await createTestUser(h, { email: 'cara.changes@example.org', role: 'responder' });
    const here = await logInForm(h, u.email, u.password);
    const elsewhere = await logInForm(h, u.email, u.password);
    const token = await newToken(here, 'own script');
    const page = await here.get('/account');
    const changed = await here.post('/account/password', {
      _csrf: hiddenField(page.html, '_csrf'),
      current: u.password,
      next: 'my-own-new-password-42',
    });
    expect(changed.status).toBe(303);
    expect((await here.get('/account')).html).toContain('API tokens were revoked');
    expect(await isLoggedOut(here)).toBe(false);
    expect(await isLoggedOut(elsewhere)).toBe(true);
    expect(await apiStatus(token)).toBe(401);
  });
});

describe('absolute session lifetime', () => {
  it('is 7 days unless BREACHLINE_SESSION_MAX_LIFETIME_HOURS says otherwise', () => {
    const lifetime = (value?: string) =>
      loadAppConfig({
        BREACHLINE_DATA_DIR: '/tmp/x',
        ...(value === undefined ? {} : { BREACHLINE_SESSION_MAX_LIFETIME_HOURS: value }),
      }).sessionMaxLifetimeMs;
    expect(lifetime()).toBe(7 * 24 * 3600_000);
    expect(lifetime('12')).toBe(12 * 3600_000);
    expect(() => lifetime('0')).toThrow(ConfigError);
    expect(() => lifetime('soon')).toThrow(/BREACHLINE_SESSION_MAX_LIFETIME_HOURS/);
  });

  it('ends a session in use all along once it is older than that, and logs it out of the store', async () => {
    const lifetimeMs = 3_600; // 0.001 hours
    const short = await startHarness({ env: { BREACHLINE_SESSION_MAX_LIFETIME_HOURS: '0.001' } });
    try {
      const u = await createTestUser(short, { email: 'busy.bee@example.org', role: 'viewer' });
      const loggedInAt = Date.now();
      const web = await logInForm(short, u.email, u.password);
      const sid = sidOf(web);
      // Used every 200 ms, so the idle timeout never ends it; only its age can.
      const endedAt = await waitFor(
        'the session to end',
        async () => {
          const res = await web.get('/dashboard');
          if (res.status === 200) return undefined;
          expect(res.status).toBe(302);
          expect(res.location).toMatch(/^\/login/);
          return Date.now();
        },
        lifetimeMs + 10_000,
        200,
      );
      expect(endedAt - loggedInAt).toBeGreaterThanOrEqual(lifetimeMs);
      expect(await storedSessionIds(short)).not.toContain(sid);
      expect(await short.db.all('SELECT sid FROM user_sessions WHERE user_id = ?', [u.id])).toEqual([]);
    } finally {
      await short.close();
    }
  });
});
