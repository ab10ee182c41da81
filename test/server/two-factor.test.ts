// Two-factor login through the real app: a person turns it on from Account with
// a code from their authenticator (computed here by otpauth, as a phone would),
// then logging in asks for a code after the password; a code is taken once,
// recovery codes work once each, wrong codes count toward the login throttle,
// and an admin can reset it. Approvers and admins must have one (the default of
// BREACHLINE_MFA_ROLES). The secret is stored sealed, never in the clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { browser, hiddenField } from '../e2e/helpers';
import { SECOND_FACTOR_REFUSED } from '../../server/routes/ui';
import { SECOND_FACTOR_REQUIRED } from '../../server/auth';
import { openAny } from '../../lib/secret-box';
import { resealTotpSecrets } from '../../server/use-cases/second-factor';
import { resetPassword } from '../../server/use-cases/accounts';

const KEY = randomBytes(32);
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { BREACHLINE_SECRETS_KEY: KEY.toString('base64') } });
});
afterAll(async () => {
  await h?.close();
});

type Web = ReturnType<typeof browser>;
const STEP_MS = 30_000;
const codeAt = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetMs,
  });
const refusal = (html: string) => /role="alert"><strong>[^<]*<\/strong>\s*([^<]*)</.exec(html)?.[1];

/** Turns two-factor login on through the Account page (starting it unless started); returns the secret, the recovery codes shown and the code that confirmed it. */
async function enrol(web: Web) {
  const account = await web.get('/account');
  if (account.html.includes('Set up two-factor login')) {
    const started = await web.post('/account/two-factor/start', { _csrf: hiddenField(account.html, '_csrf') });
    expect(started.status).toBe(303);
  }
  const pending = await web.get('/account');
  const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(pending.html)![1]!;
  expect(pending.html).toContain('otpauth://totp/Breachline:');
  const firstCode = codeAt(secret);
  const confirmed = await web.post('/account/two-factor/confirm', {
    _csrf: hiddenField(pending.html, '_csrf'),
    code: firstCode,
  });
  expect(confirmed.status).toBe(201);
  const recoveryCodes = [...confirmed.html.matchAll(/<li><code class="secret">([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)].map(
    (m) => m[1]!,
  );
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes, firstCode };
}

/** The password step: a fresh browser, and where the app sends it next. */
async function passwordStep(email: string, password: string) {
  const web = browser(h.baseUrl);
  const page = await web.get('/login');
  const res = await web.post('/login', { email, password, _csrf: hiddenField(page.html, '_csrf'), next: '/dashboard' });
  return { web, res };
}

async function codeStep(web: Web, code: string) {
  const page = await web.get('/login/code?next=%2Fdashboard');
  expect(page.status).toBe(200);
  const res = await web.post('/login/code', { code, _csrf: hiddenField(page.html, '_csrf'), next: '/dashboard' });
  const message = res.status === 303 ? refusal((await web.get(res.location!)).html) : undefined;
  return { res, message };
}

const loggedIn = async (web: Web) => (await web.get('/dashboard')).status === 200;

describe('two-factor login', () => {
  it('is off until a code confirms it; then a login needs the password and a current code, each code once', async () => {
    const u = await createTestUser(h, { email: 'tess.totp@example.org', role: 'approver' });
    const web = await logInForm(h, u.email, u.password);

    // Started but unconfirmed, it changes nothing: a wrong first code leaves it off.
    const account = await web.get('/account');
    await web.post('/account/two-factor/start', { _csrf: hiddenField(account.html, '_csrf') });
    const pending = await web.get('/account');
    const wrongFirst = await web.post('/account/two-factor/confirm', {
      _csrf: hiddenField(pending.html, '_csrf'),
      code: '12345',
    });
    expect(wrongFirst.status).toBe(303);
    expect((await passwordStep(u.email, u.password)).res.location).toBe('/dashboard');

    const { secret, firstCode } = await enrol(web);
    // Sealed at rest: the stored value is not the secret, nor does it contain it.
    const row = await h.db.get<{ secret_enc: string; confirmed_at: string }>(
      'SELECT secret_enc, confirmed_at FROM user_totp WHERE user_id = ?',
      [u.id],
    );
    expect(row!.confirmed_at).not.toBeNull();
    expect(row!.secret_enc.startsWith('v1.')).toBe(true);
    expect(row!.secret_enc).not.toContain(secret);
    expect((await web.get('/account')).html).toContain('On since');

    // The password alone is not a login.
    const noCode = await passwordStep(u.email, u.password);
    expect(noCode.res.status).toBe(303);
    expect(noCode.res.location).toBe('/login/code?next=%2Fdashboard');
    expect(await loggedIn(noCode.web)).toBe(false);

    // A wrong code is refused.
    const wrong = await codeStep(noCode.web, codeAt(secret, 10 * 60_000));
    expect(wrong.res.location).toBe('/login/code?next=%2Fdashboard');
    expect(wrong.message).toBe(SECOND_FACTOR_REFUSED);
    expect(await loggedIn(noCode.web)).toBe(false);

    // The code that confirmed enrolment was used: its time step is taken.
    const enrolCodeAgain = await codeStep(noCode.web, firstCode);
    expect(enrolCodeAgain.message).toBe(SECOND_FACTOR_REFUSED);

    // The next step's code (within the one-step drift allowed) is right.
    const nextCode = codeAt(secret, STEP_MS);
    const right = await codeStep(noCode.web, nextCode);
    expect(right.res.status).toBe(302);
    expect(right.res.location).toBe('/dashboard');
    expect(await loggedIn(noCode.web)).toBe(true);

    // The same code again, from another browser with the right password, is refused.
    const replay = await passwordStep(u.email, u.password);
    const replayed = await codeStep(replay.web, nextCode);
    expect(replayed.message).toBe(SECOND_FACTOR_REFUSED);
    expect(await loggedIn(replay.web)).toBe(false);
  });

  it('a person makes new recovery codes and turns it off with a current code; approvers cannot turn it off', async () => {
    const u = await createTestUser(h, { email: 'nora.newcodes@example.org', role: 'responder' });
    const web = await logInForm(h, u.email, u.password);
    const { secret, recoveryCodes: old } = await enrol(web);

    const page = await web.get('/account');
    const wrong = await web.post('/account/two-factor/recovery-codes', {
      _csrf: hiddenField(page.html, '_csrf'),
      code: codeAt(secret, 10 * 60_000),
    });
    expect(wrong.status).toBe(303);
    const renewed = await web.post('/account/two-factor/recovery-codes', {
      _csrf: hiddenField(page.html, '_csrf'),
      code: codeAt(secret, STEP_MS),
    });
    expect(renewed.status).toBe(201);
    const fresh = [...renewed.html.matchAll(/<li><code class="secret">([a-z2-7]{5}-[a-z2-7]{5})<\/code>/g)].map(
      (m) => m[1]!,
    );
    expect(fresh).toHaveLength(10);
    // The old set is gone: an old code no longer logs in, a new one does.
    const withOld = await passwordStep(u.email, u.password);
    expect((await codeStep(withOld.web, old[0]!)).message).toBe(SECOND_FACTOR_REFUSED);
    const withNew = await codeStep(withOld.web, fresh[0]!);
    expect(withNew.res.location).toBe('/dashboard');

    // Each step's code is taken once, so turning it off is shown with someone who just enrolled.
    const leaver = await createTestUser(h, { email: 'olaf.optout@example.org', role: 'viewer' });
    const leaverWeb = await logInForm(h, leaver.email, leaver.password);
    const leaverFactor = await enrol(leaverWeb);
    const again = await leaverWeb.get('/account');
    const off = await leaverWeb.post('/account/two-factor/off', {
      _csrf: hiddenField(again.html, '_csrf'),
      code: codeAt(leaverFactor.secret, STEP_MS),
    });
    expect(off.status).toBe(303);
    expect(await h.db.get('SELECT user_id FROM user_totp WHERE user_id = ?', [leaver.id])).toBeUndefined();
    expect((await passwordStep(leaver.email, leaver.password)).res.location).toBe('/dashboard');

    const approver = await createTestUser(h, { email: 'otto.offlimits@example.org', role: 'approver' });
    const approverWeb = await logInForm(h, approver.email, approver.password);
    const approverFactor = await enrol(approverWeb);
    const approverPage = await approverWeb.get('/account');
    expect(approverPage.html).not.toContain('Turn off two-factor login');
    const refused = await approverWeb.post('/account/two-factor/off', {
      _csrf: hiddenField(approverPage.html, '_csrf'),
      code: codeAt(approverFactor.secret, STEP_MS),
    });
    expect(refused.status).toBe(303);
    expect(await h.db.get('SELECT user_id FROM user_totp WHERE user_id = ?', [approver.id])).toBeDefined();
  });

  it('a password reset between the password and the code makes the code step start over', async () => {
    const admin = { kind: 'system' as const, id: 'test' };
    const u = await createTestUser(h, { email: 'reto.reset@example.org', role: 'responder' });
    const { secret } = await enrol(await logInForm(h, u.email, u.password));
    const halfway = await passwordStep(u.email, u.password);
    expect(halfway.res.location).toBe('/login/code?next=%2Fdashboard');
    await new Promise((r) => setTimeout(r, 5));
    await resetPassword(h.db, u.id, 'a-brand-new-password-0123', admin);
    const late = await codeStep(halfway.web, codeAt(secret, STEP_MS));
    expect(late.res.location).toBe('/login?next=%2Fdashboard');
    expect(await loggedIn(halfway.web)).toBe(false);
  });

  it('takes each recovery code once', async () => {
    const u = await createTestUser(h, { email: 'rhea.recovery@example.org', role: 'responder' });
    const { recoveryCodes } = await enrol(await logInForm(h, u.email, u.password));
    const code = recoveryCodes[3]!;

    const first = await passwordStep(u.email, u.password);
    const used = await codeStep(first.web, code.toUpperCase());
    expect(used.res.location).toBe('/dashboard');
    expect(await loggedIn(first.web)).toBe(true);
    expect((await first.web.get('/account')).html).toContain('9 unused recovery codes left');

    const again = await passwordStep(u.email, u.password);
    const reused = await codeStep(again.web, code);
    expect(reused.message).toBe(SECOND_FACTOR_REFUSED);
    expect(await loggedIn(again.web)).toBe(false);
  });

  it('counts wrong codes toward the login throttle, and a right password does not wipe them', async () => {
    const u = await createTestUser(h, { email: 'gus.guesser@example.org', role: 'viewer' });
    const { secret } = await enrol(await logInForm(h, u.email, u.password));
    const far = codeAt(secret, 20 * 60_000);

    const attempt = await passwordStep(u.email, u.password);
    for (let i = 0; i < 2; i++) expect((await codeStep(attempt.web, far)).message).toBe(SECOND_FACTOR_REFUSED);
    // Starting over with the right password keeps the count: otherwise codes could be guessed without end.
    const over = await passwordStep(u.email, u.password);
    expect(over.res.location).toBe('/login/code?next=%2Fdashboard');
    expect((await codeStep(over.web, far)).message).toBe(SECOND_FACTOR_REFUSED);
    const row = await h.db.get<{ failures: number; blocked_until: string | null }>(
      'SELECT failures, blocked_until FROM login_failures WHERE account = ? AND source = ?',
      [u.email, '127.0.0.1'],
    );
    expect(row!.failures).toBe(3);
    expect(row!.blocked_until).not.toBeNull();

    // Now this address waits, and even the right code is not looked at.
    const blocked = await codeStep(over.web, codeAt(secret, STEP_MS));
    expect(blocked.res.status).toBe(429);
    expect(await loggedIn(over.web)).toBe(false);
  });

  it('an admin reset turns it off: the password alone logs in, and the person can enrol again', async () => {
    const admin = await createTestUser(h, { email: 'ada.resets@example.org', role: 'admin' });
    const u = await createTestUser(h, { email: 'lou.lostphone@example.org', role: 'responder' });
    await enrol(await logInForm(h, u.email, u.password));
    expect((await passwordStep(u.email, u.password)).res.location).toBe('/login/code?next=%2Fdashboard');

    // Admins must log in with a second factor here (BREACHLINE_MFA_ROLES defaults to admin,approver).
    const { secret: adminSecret } = await enrol(await logInForm(h, admin.email, admin.password));
    const adminLogin = await passwordStep(admin.email, admin.password);
    expect((await codeStep(adminLogin.web, codeAt(adminSecret, STEP_MS))).res.location).toBe('/dashboard');
    const adminWeb = adminLogin.web;
    const users = await adminWeb.get('/settings/users');
    expect(users.html).toContain(`Reset two-factor login of ${u.displayName}`);
    const reset = await adminWeb.post(`/settings/users/${u.id}/two-factor/reset`, {
      _csrf: hiddenField(users.html, '_csrf'),
    });
    expect(reset.status).toBe(303);
    expect((await adminWeb.get('/settings/users')).html).not.toContain(`Reset two-factor login of ${u.displayName}`);
    expect(await h.db.get('SELECT user_id FROM user_totp WHERE user_id = ?', [u.id])).toBeUndefined();
    expect(
      (await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM user_recovery_codes WHERE user_id = ?', [u.id]))!.n,
    ).toBe(0);

    const after = await passwordStep(u.email, u.password);
    expect(after.res.location).toBe('/dashboard');
    expect(await loggedIn(after.web)).toBe(true);
    expect((await after.web.get('/account')).html).toContain('Set up two-factor login');
  });

  it('holds approvers and admins without one on Account until they set it up; other roles and API tokens pass', async () => {
    const approver = await createTestUser(h, { email: 'april.approver@example.org', role: 'approver' });
    const web = await logInForm(h, approver.email, approver.password);
    const dashboard = await web.get('/dashboard');
    expect(dashboard.status).toBe(302);
    expect(dashboard.location).toBe('/account#two-factor');
    const account = await web.get('/account');
    expect(account.status).toBe(200);
    expect(account.html).toContain(SECOND_FACTOR_REQUIRED);
    const refused = await web.post('/account/tokens', { _csrf: hiddenField(account.html, '_csrf'), name: 'script' });
    expect(refused.status).toBe(403);
    expect((await web.get('/settings/users')).location).toBe('/account#two-factor');

    await enrol(web);
    expect((await web.get('/dashboard')).status).toBe(200);

    const viewer = await createTestUser(h, { email: 'vic.viewer@example.org', role: 'viewer' });
    expect((await (await logInForm(h, viewer.email, viewer.password)).get('/dashboard')).status).toBe(200);
    // The bootstrap admin token (no person, no session) is not held back.
    expect((await h.api('GET', '/api/incidents')).status).toBe(200);
  });

  it('moves to a new BREACHLINE_SECRETS_KEY with secrets:reseal, like the webhook secrets', async () => {
    const u = await createTestUser(h, { email: 'kai.keyturn@example.org', role: 'viewer' });
    const { secret } = await enrol(await logInForm(h, u.email, u.password));
    const NEW = randomBytes(32);
    const sealed = async () =>
      (await h.db.get<{ secret_enc: string }>('SELECT secret_enc FROM user_totp WHERE user_id = ?', [u.id]))!
        .secret_enc;

    const unreadable = await resealTotpSecrets(h.db, { current: NEW, previous: [] });
    expect(unreadable.unreadable).toContain(u.id);
    expect(openAny({ current: KEY, previous: [] }, await sealed(), `totp:${u.id}`)).toBe(secret);

    const moved = await resealTotpSecrets(h.db, { current: NEW, previous: [KEY] });
    expect(moved.unreadable).toEqual([]);
    expect(openAny({ current: NEW, previous: [] }, await sealed(), `totp:${u.id}`)).toBe(secret);
    expect(openAny({ current: KEY, previous: [] }, await sealed(), `totp:${u.id}`)).toBeNull();
    // Sealed for this person: the same ciphertext under another person's id does not open.
    expect(openAny({ current: NEW, previous: [] }, await sealed(), 'totp:someone-else')).toBeNull();
  });
});
