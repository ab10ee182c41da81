// With BREACHLINE_LOCAL_LOGIN=off the browser login takes single sign-on only:
// the page offers no password form and a password posted anyway is refused
// (403) even when it is right, before its CSRF token is checked, while API tokens keep working. An identity
// provider that cannot be reached gives a page saying single sign-on is
// unavailable (503), not a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startHarness, type Harness } from '../support/app-harness';
import { browser } from '../e2e/helpers';
import { freePort } from '../support/free-port';

let h: Harness;
beforeAll(async () => {
  // Nothing listens there: the provider is down.
  const deadPort = await freePort();
  h = await startHarness({
    env: {
      BREACHLINE_LOCAL_LOGIN: 'off',
      BREACHLINE_OIDC_ISSUER: `http://127.0.0.1:${deadPort}`,
      BREACHLINE_OIDC_CLIENT_ID: 'breachline',
      BREACHLINE_OIDC_CLIENT_SECRET: 'a-client-secret-for-a-provider-that-is-down',
      BREACHLINE_OIDC_ROLE_MAP: '{"dpo":"approver"}',
    },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('local login off', () => {
  it('shows only single sign-on on the login page', async () => {
    const page = await browser(h.baseUrl).get('/login');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Sign in with single sign-on');
    expect(page.html).not.toContain('name="password"');
  });

  it('refuses a right password posted anyway, before anything else is checked, and logs nobody in', async () => {
    const user = await createTestUser(h, { email: 'vera.local@example.org', role: 'viewer' });
    const web = browser(h.baseUrl);
    await web.get('/login');
    // The page has no form, so no CSRF token: the refusal names local login, not the token.
    const res = await web.post('/login', {
      next: '/dashboard',
      email: user.email,
      password: user.password,
    });
    expect(res.status).toBe(403);
    expect(res.html).toContain('Password login is turned off.');
    const after = await web.get('/dashboard');
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });

  it('keeps API tokens working', async () => {
    expect((await h.api('GET', '/api/incidents')).status).toBe(200);
  });

  it('says single sign-on is unavailable when the provider cannot be reached', async () => {
    const res = await browser(h.baseUrl).get('/login/oidc?next=%2Fincidents');
    expect(res.status).toBe(503);
    expect(res.html).toContain('Single sign-on is unavailable.');
    // Trying again from that page leads where the person was going (Handlebars escapes the "=").
    expect(res.html).toContain('href="/login/oidc?next&#x3D;%2Fincidents"');
  });
});
