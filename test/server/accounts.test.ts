// Accounts through the real app: argon2id passwords (old scrypt hashes upgraded at login), password login whose failures make that
// address wait longer each time (an admin can clear the waits), sessions renewed on login and ended by a
// password change elsewhere, personal API tokens shown once and stored hashed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { browser, hiddenField } from '../e2e/helpers';
import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from '../../server/passwords';
import { disableUser, pairDelayMs } from '../../server/use-cases/accounts';
import { hashToken } from '../../server/auth';
import { LOGIN_REFUSED } from '../../server/routes/ui';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function attempt(email: string, password: string) {
  const web = browser(h.baseUrl);
  const page = await web.get('/login');
  const res = await web.post('/login', { email, password, _csrf: hiddenField(page.html, '_csrf'), next: '/dashboard' });
  const next = res.status === 303 ? await web.get(res.location!) : null;
  return { res, web, message: next?.html ?? '' };
}

/** A hash in the scheme used before argon2id: Node's scrypt, N=2^15, r=8, p=1, `scrypt$N$r$p$salt$key`. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$32768$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('passwords', () => {
  it('are argon2id hashes at OWASP’s parameters (19 MiB, 2 passes, 1 lane) with a 16-byte salt', async () => {
    const stored = await hashPassword('correct horse battery');
    const [, scheme, version, params, salt] = stored.split('$');
    expect([scheme, version, params]).toEqual(['argon2id', 'v=19', 'm=19456,p=1,t=2']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
    expect(needsRehash(stored)).toBe(false);
  });

  it('an old scrypt hash still logs in, and that login replaces it with argon2id without ending sessions', async () => {
    const u = await createTestUser(h, { email: 'olga.oldhash@example.org', role: 'viewer' });
    const legacy = legacyScryptHash(u.password);
    await h.db.run('UPDATE users SET password_hash = ? WHERE id = ?', [legacy, u.id]);
    const before = await h.db.get<{ password_changed_at: string }>(
      'SELECT password_changed_at FROM users WHERE id = ?',
      [u.id],
    );
    expect(needsRehash(legacy)).toBe(true);

    // A wrong password leaves the old hash alone: there is nothing to hash it from.
    expect((await attempt(u.email, 'not-the-password-at-all')).res.status).toBe(303);
    const afterWrong = await h.db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = ?', [
      u.id,
    ]);
    expect(afterWrong!.password_hash).toBe(legacy);

    const first = await logInForm(h, u.email, u.password);
    const row = await h.db.get<{ password_hash: string; password_changed_at: string }>(
      'SELECT password_hash, password_changed_at FROM users WHERE id = ?',
      [u.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(u.password, row!.password_hash)).toBe(true);
    // Same password, new hash: not a password change, so the session that upgraded it lives on.
    expect(row!.password_changed_at).toBe(before!.password_changed_at);
    expect((await first.get('/dashboard')).status).toBe(200);
    await logInForm(h, u.email, u.password);
  });
});

describe('login and its throttle', () => {
  it('lets an address fail 3 times, then makes it wait 10 seconds, doubling up to an hour', () => {
    expect([2, 3, 4, 5, 11, 12, 30].map(pairDelayMs)).toEqual([
      0, 10_000, 20_000, 40_000, 2_560_000, 3600_000, 3600_000,
    ]);
  });

  it('refuses this address even the right password while it waits, until an admin clears the delays', async () => {
    const victim = await createTestUser(h, { email: 'dana.dpo@example.org', role: 'approver' });
    const refusal = (html: string) => /role="alert"><strong>[^<]*<\/strong>\s*([^<]*)</.exec(html)?.[1];
    const stranger = refusal((await attempt('nobody.here@example.org', 'wrong-password-xx')).message);
    expect(stranger).toBe(LOGIN_REFUSED);
    for (let i = 0; i < 2; i++)
      expect(refusal((await attempt(victim.email, 'wrong-password-xx')).message)).toBe(stranger);
    // Now waiting, the answer is still the stranger's: it must not tell which emails have an account.
    const third = await attempt(victim.email, 'wrong-password-xx');
    expect(refusal(third.message)).toBe(stranger);
    const row = await h.db.get<{ failures: number; blocked_until: string }>(
      'SELECT failures, blocked_until FROM login_failures WHERE account = ? AND source = ?',
      [victim.email, '127.0.0.1'],
    );
    expect(row!.failures).toBe(3);
    expect(Date.parse(row!.blocked_until) - Date.now()).toBeGreaterThan(5_000);
    expect(Date.parse(row!.blocked_until) - Date.now()).toBeLessThanOrEqual(10_000);

    const whileWaiting = await attempt(victim.email, victim.password);
    expect(whileWaiting.res.status).toBe(429);

    const admin = await createTestUser(h, { email: 'lockout.admin@example.org', role: 'admin' });
    const adminWeb = await logInForm(h, admin.email, admin.password);
    const users = await adminWeb.get('/settings/users');
    expect(users.html).toContain('Clear login delays of dana.dpo');
    const lifted = await adminWeb.post(`/settings/users/${victim.id}/login-delays/clear`, {
      _csrf: hiddenField(users.html, '_csrf'),
    });
    expect(lifted.status).toBe(303);
    const audit = await h.db.get<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE type = 'user.login_delays_cleared' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit!.actor).toBe(`user:${admin.id}`);

    const after = await attempt(victim.email, victim.password);
    expect(after.res.status).toBe(302);
    expect(after.res.location).toBe('/dashboard');
  });

  it('gives a new session id on login and none of the token login any more', async () => {
    const u = await createTestUser(h, { email: 'sam.session@example.org', role: 'viewer' });
    const web = browser(h.baseUrl);
    const page = await web.get('/login');
    const before = web.cookies.get('bl.sid');
    expect(before).toBeDefined();
    expect(page.html).not.toContain('name="token"');
    const ok = await web.post('/login', {
      email: u.email,
      password: u.password,
      _csrf: hiddenField(page.html, '_csrf'),
      next: '/incidents',
    });
    expect(ok.status).toBe(302);
    expect(web.cookies.get('bl.sid')).not.toBe(before);
    expect((await web.get('/incidents')).status).toBe(200);

    const tokenLogin = await attempt(ADMIN_TOKEN, ADMIN_TOKEN);
    expect(tokenLogin.res.status).toBe(303);
  });

  it('a password change keeps this session and ends the others', async () => {
    const u = await createTestUser(h, { email: 'pat.password@example.org', role: 'responder' });
    const here = await logInForm(h, u.email, u.password);
    const elsewhere = await logInForm(h, u.email, u.password);
    const account = await here.get('/account');
    const changed = await here.post('/account/password', {
      _csrf: hiddenField(account.html, '_csrf'),
      current: u.password,
      next: 'a-new-password-456',
    });
    expect(changed.status).toBe(303);
    expect((await here.get('/account')).html).toContain('Password changed');
    const other = await elsewhere.get('/dashboard');
    expect(other.status).toBe(302);
    expect(other.location).toMatch(/^\/login/);
    expect((await attempt(u.email, u.password)).res.status).toBe(303);
    expect((await attempt(u.email, 'a-new-password-456')).res.status).toBe(302);
  });

  it('logout ends the session', async () => {
    const u = await createTestUser(h, { email: 'lou.logout@example.org', role: 'viewer' });
    const web = await logInForm(h, u.email, u.password);
    const page = await web.get('/dashboard');
    expect((await web.post('/logout', { _csrf: hiddenField(page.html, '_csrf') })).status).toBe(303);
    expect((await web.get('/dashboard')).status).toBe(302);
  });
});

describe('admin account control', () => {
  it('disabling someone ends their sessions and tokens at once and refuses their login; enabling lets them log in afresh', async () => {
    const admin = await createTestUser(h, { email: 'ada.admin-control@example.org', role: 'admin' });
    const leaver = await createTestUser(h, { email: 'leo.leaver@example.org', role: 'responder', name: 'Leo Leaver' });
    const leaverWeb = await logInForm(h, leaver.email, leaver.password);
    const account = await leaverWeb.get('/account');
    const created = await leaverWeb.post('/account/tokens', {
      _csrf: hiddenField(account.html, '_csrf'),
      name: 'leaver script',
    });
    const token = /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
    const asLeaver = () => h.api('GET', '/api/incidents', undefined, { authorization: `Bearer ${token}` });
    expect((await asLeaver()).status).toBe(200);

    const adminWeb = await logInForm(h, admin.email, admin.password);
    const users = await adminWeb.get('/settings/users');
    expect(users.html).toContain('Disable Leo Leaver');
    const disabled = await adminWeb.post(`/settings/users/${leaver.id}/disable`, {
      _csrf: hiddenField(users.html, '_csrf'),
    });
    expect(disabled.status).toBe(303);
    expect((await leaverWeb.get('/dashboard')).location).toMatch(/^\/login/);
    expect((await asLeaver()).status).toBe(401);
    expect((await attempt(leaver.email, leaver.password)).res.status).toBe(303);
    const listed = await adminWeb.get('/settings/users');
    expect(listed.html).toContain('Enable Leo Leaver');
    const audit = await h.db.get<{ actor: string; details_json: string }>(
      "SELECT actor, details_json FROM audit_log WHERE type = 'user.disabled' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit).toMatchObject({ actor: `user:${admin.id}` });
    expect(JSON.parse(audit!.details_json)).toEqual({ userId: leaver.id, tokensRevoked: 1 });

    const enabled = await adminWeb.post(`/settings/users/${leaver.id}/enable`, {
      _csrf: hiddenField(listed.html, '_csrf'),
    });
    expect(enabled.status).toBe(303);
    expect((await attempt(leaver.email, leaver.password)).res.status).toBe(302);
    // Enabled again, they start afresh: the token the disable revoked stays revoked.
    expect((await asLeaver()).status).toBe(401);
  });

  it('refuses to disable yourself or the last active admin, saying why', async () => {
    await h.db.run("UPDATE users SET disabled_at = ? WHERE role = 'admin'", [new Date().toISOString()]);
    try {
      const only = await createTestUser(h, { email: 'solo.admin@example.org', role: 'admin' });
      const web = await logInForm(h, only.email, only.password);
      const users = await web.get('/settings/users');
      expect(users.html).not.toContain(`/settings/users/${only.id}/disable`);
      expect(
        (await web.post(`/settings/users/${only.id}/disable`, { _csrf: hiddenField(users.html, '_csrf') })).status,
      ).toBe(303);
      expect((await web.get('/settings/users')).html).toContain('you cannot disable your own account');
      // Nobody else can leave the installation without an active admin either (a system actor, as a script would be).
      await expect(disableUser(h.db, only.id, { kind: 'system', id: 'test', userId: null })).rejects.toThrow(
        'the last active admin cannot be disabled',
      );
      // With a second admin, one may disable the other.
      const second = await createTestUser(h, { email: 'second.admin@example.org', role: 'admin' });
      const page = await web.get('/settings/users');
      expect(
        (await web.post(`/settings/users/${second.id}/disable`, { _csrf: hiddenField(page.html, '_csrf') })).status,
      ).toBe(303);
      expect(
        (await h.db.get<{ disabled_at: string | null }>('SELECT disabled_at FROM users WHERE id = ?', [second.id]))!
          .disabled_at,
      ).not.toBeNull();
      expect(
        (await h.db.get<{ disabled_at: string | null }>('SELECT disabled_at FROM users WHERE id = ?', [only.id]))!
          .disabled_at,
      ).toBeNull();
    } finally {
      await h.db.run("UPDATE users SET disabled_at = NULL WHERE role = 'admin'");
    }
  });

  it('an admin sets a new password: the old one stops, their sessions end, their login delays go, and a weak one is refused', async () => {
    const admin = await createTestUser(h, { email: 'reset.admin@example.org', role: 'admin' });
    const forgetful = await createTestUser(h, {
      email: 'fay.forgot@example.org',
      role: 'approver',
      name: 'Fay Forgot',
    });
    const theirs = await logInForm(h, forgetful.email, forgetful.password);
    for (let i = 0; i < 5; i++) await attempt(forgetful.email, 'not-her-password-x');
    const adminWeb = await logInForm(h, admin.email, admin.password);
    const users = await adminWeb.get('/settings/users');
    expect(users.html).toContain('Set a new password for Fay Forgot');
    const weak = await adminWeb.post(`/settings/users/${forgetful.id}/password`, {
      _csrf: hiddenField(users.html, '_csrf'),
      password: 'short',
    });
    expect(weak.status).toBe(303);
    expect((await adminWeb.get('/settings/users')).html).toContain('Not saved (password)');
    const page = await adminWeb.get('/settings/users');
    const set = await adminWeb.post(`/settings/users/${forgetful.id}/password`, {
      _csrf: hiddenField(page.html, '_csrf'),
      password: 'a-brand-new-password-789',
    });
    expect(set.status).toBe(303);
    expect((await theirs.get('/dashboard')).location).toMatch(/^\/login/);
    expect((await attempt(forgetful.email, forgetful.password)).res.status).toBe(303);
    expect((await attempt(forgetful.email, 'a-brand-new-password-789')).res.status).toBe(302);
    const audit = await h.db.get<{ summary: string; details_json: string }>(
      "SELECT summary, details_json FROM audit_log WHERE type = 'user.password_reset' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit!.summary + audit!.details_json).not.toContain('a-brand-new-password-789');
  });
});

describe('personal API tokens', () => {
  it('are shown once, stored as a hash, act with the owner’s current role, and stop working when revoked', async () => {
    const u = await createTestUser(h, { email: 'toby.token@example.org', role: 'responder' });
    const web = await logInForm(h, u.email, u.password);
    const account = await web.get('/account');
    const created = await web.post('/account/tokens', {
      _csrf: hiddenField(account.html, '_csrf'),
      name: 'SIEM bridge',
    });
    expect(created.status).toBe(201);
    const token = /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
    expect((await web.get('/account')).html).not.toContain(token);
    const row = await h.db.get<{ id: string; token_hash: string; user_id: string }>(
      'SELECT id, token_hash, user_id FROM api_tokens WHERE name = ?',
      ['SIEM bridge'],
    );
    expect(row!.token_hash).toBe(hashToken(token));
    expect(row!.user_id).toBe(u.id);

    const asToken = (method: string, p: string, body?: unknown) =>
      h.api(method, p, body, { authorization: `Bearer ${token}` });
    expect((await web.get('/account')).html).toMatch(
      /SIEM bridge<\/td><td><time[^>]*>[^<]*<\/time><\/td><td>never<\/td>/,
    );
    const beforeUse = Date.now();
    expect((await asToken('GET', '/api/incidents')).status).toBe(200);
    const used = await h.db.get<{ last_used_at: string }>('SELECT last_used_at FROM api_tokens WHERE id = ?', [
      row!.id,
    ]);
    expect(Date.parse(used!.last_used_at)).toBeGreaterThanOrEqual(beforeUse - 1000);
    expect((await web.get('/account')).html).toContain(`<time datetime="${used!.last_used_at}">`);
    // Busy tokens write their last use once a minute, not on every request.
    await asToken('GET', '/api/incidents');
    expect(
      (await h.db.get<{ last_used_at: string }>('SELECT last_used_at FROM api_tokens WHERE id = ?', [row!.id]))!
        .last_used_at,
    ).toBe(used!.last_used_at);
    expect((await asToken('PUT', '/api/settings/organisation', {})).status).toBe(403);
    await h.db.run("UPDATE users SET role = 'viewer' WHERE id = ?", [u.id]);
    expect((await asToken('POST', '/api/incidents', {})).status).toBe(403);

    const page = await web.get('/account');
    const revoked = await web.post(`/account/tokens/${row!.id}/revoke`, { _csrf: hiddenField(page.html, '_csrf') });
    expect(revoked.status).toBe(303);
    expect((await asToken('GET', '/api/incidents')).status).toBe(401);
    const audit = await h.db.all<{ type: string }>(
      "SELECT type FROM audit_log WHERE type IN ('token.created', 'token.revoked') AND actor = ?",
      [`user:${u.id}`],
    );
    expect(audit.map((a) => a.type).sort()).toEqual(['token.created', 'token.revoked']);
  });

  it('keeps the bootstrap admin token working for the API', async () => {
    expect((await h.api('GET', '/api/settings/organisation')).status).toBe(200);
  });
});
