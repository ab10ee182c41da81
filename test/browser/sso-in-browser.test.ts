// Single sign-on in a real browser (Debian's Chromium through playwright-core)
// against a real OpenID Connect provider (oidc-provider 9) on a loopback port:
// a DPO clicks "Sign in with single sign-on", logs in at the provider, agrees
// to share their profile, and lands on the dashboard as an approver, mapped
// from their group, without being asked for a Breachline second factor (the
// provider enforces its own); disabling them ends that session. Someone whose groups map to no role is refused
// with a page saying so, and no account is created for them.
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableUser } from '../../server/use-cases/accounts';
import { createTestUser, startHarness, type Harness } from '../support/app-harness';
import { freePort } from '../support/free-port';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const CHROMIUM = '/usr/bin/chromium';

let h: Harness;
let idp: TestOidcProvider;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider({ redirectUri: `${appUrl}/login/oidc/callback` });
  h = await startHarness({
    port,
    env: {
      BREACHLINE_PUBLIC_URL: appUrl,
      // With a key, admins and approvers must have a Breachline second factor, unless they use single sign-on.
      BREACHLINE_SECRETS_KEY: randomBytes(32).toString('base64'),
      BREACHLINE_OIDC_ISSUER: idp.issuer,
      BREACHLINE_OIDC_CLIENT_ID: idp.clientId,
      BREACHLINE_OIDC_CLIENT_SECRET: idp.clientSecret,
      BREACHLINE_OIDC_SCOPES: 'openid email profile groups',
      BREACHLINE_OIDC_ROLE_MAP: JSON.stringify({ dpo: 'approver', 'breach-team': 'responder', 'it-admins': 'admin' }),
    },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
  await idp?.close();
});

/** From the app's login page through the provider's login and consent pages, back to the app. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto(`${h.baseUrl}/dashboard`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password the dev provider takes');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === h.baseUrl);
  await page.waitForLoadState('load');
}

describe('single sign-on in the browser', () => {
  it('a DPO signs in at the identity provider and lands on the dashboard as an approver', async () => {
    idp.setAccount('dora-dpo', { email: 'dora.sso@example.org', name: 'Dora Dpo', groups: ['staff', 'dpo'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signInAtProvider(page, 'dora-dpo');
      await page.waitForURL(/\/dashboard$/);
      expect(await page.locator('.who').textContent()).toBe('Dora Dpo (approver)');

      const user = await h.db.get<{ id: string; role: string; email: string }>(
        'SELECT u.id, u.role, u.email FROM users u JOIN user_identities i ON i.user_id = u.id WHERE i.issuer = ? AND i.subject = ?',
        [idp.issuer, 'dora-dpo'],
      );
      expect(user).toMatchObject({ role: 'approver', email: 'dora.sso@example.org' });
      // Listed on Account like any session.
      await page.goto(`${h.baseUrl}/account`);
      expect(await page.locator('tr[data-session]').filter({ hasText: 'this session' }).count()).toBe(1);
      // No password form for a password Breachline does not keep.
      expect(await page.getByTestId('single-sign-on').count()).toBe(1);
      expect(await page.getByLabel('Current password').count()).toBe(0);

      // Disabling ends it, as for a password session.
      await disableUser(h.db, user!.id, { kind: 'system', id: 'test', userId: null });
      await page.goto(`${h.baseUrl}/dashboard`);
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('someone whose groups map to no role is refused, and no account is made for them', async () => {
    idp.setAccount('sam-sales', { email: 'sam.sso@example.org', name: 'Sam Sales', groups: ['sales'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signInAtProvider(page, 'sam-sales');
      expect(new URL(page.url()).pathname).toBe('/login/oidc/callback');
      expect(await page.getByTestId('sso-problem').textContent()).toContain('You have no access to Breachline.');
      expect(await h.db.get('SELECT id FROM users WHERE email = ?', ['sam.sso@example.org'])).toBeUndefined();
      await page.goto(`${h.baseUrl}/dashboard`);
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('an admin lets a person with a password account move to single sign-on; their next sign-in links to it', async () => {
    const local = await createTestUser(h, { email: 'lena.move@example.org', role: 'viewer', name: 'Lena Move' });
    idp.setAccount('ada-admin', { email: 'ada.sso@example.org', name: 'Ada Admin', groups: ['it-admins'] });
    idp.setAccount('lena-move', { email: 'lena.move@example.org', name: 'Lena Move', groups: ['breach-team'] });

    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page = await adminContext.newPage();
      page.setDefaultTimeout(15_000);
      await signInAtProvider(page, 'ada-admin');
      await page.waitForURL(/\/dashboard$/);
      await page.goto(`${h.baseUrl}/settings/users`);
      await page.getByRole('button', { name: 'Let Lena Move link single sign-on to this account' }).click();
      await page.waitForURL(/\/settings\/users$/);
      expect(await page.getByRole('status').first().textContent()).toContain('will link to this account');
    } finally {
      await adminContext.close();
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signInAtProvider(page, 'lena-move');
      await page.waitForURL(/\/dashboard$/);
      expect(await page.locator('.who').textContent()).toBe('Lena Move (responder)');
      const linked = await h.db.get<{ user_id: string }>(
        'SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?',
        [idp.issuer, 'lena-move'],
      );
      expect(linked?.user_id).toBe(local.id);
    } finally {
      await context.close();
    }
  });
});
