// Two-factor login in a real browser (Debian's Chromium through playwright-core):
// an approver, who must have a second factor, is sent to Account after the
// password, sets it up from the secret shown there with a code computed as an
// authenticator app would, keeps the recovery codes, logs out, and logs in
// again with the password and then a code.
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startHarness, type Harness } from '../support/app-harness';

const CHROMIUM = '/usr/bin/chromium';

let h: Harness;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  h = await startHarness({ env: { BREACHLINE_SECRETS_KEY: randomBytes(32).toString('base64') } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await h?.close();
});

const codeAt = (secret: string, offsetMs = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetMs,
  });

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto(`${h.baseUrl}/dashboard`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForLoadState('load');
}

describe('two-factor login in the browser', () => {
  it('an approver sets it up when first asked, then logs in with the password and a code', async () => {
    const approver = await createTestUser(h, { email: 'bea.browser2fa@example.org', role: 'approver' });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    await passwordStep(page, approver.email, approver.password);
    await page.waitForURL(/\/account(#two-factor)?$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('requires two-factor login');
    await page.getByRole('button', { name: 'Set up two-factor login' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(await page.getByTestId('totp-uri').getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Breachline:/);
    await page.getByLabel('Code from the app').fill(codeAt(secret));
    await page.getByRole('button', { name: 'Turn on two-factor login' }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.goto(`${h.baseUrl}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await passwordStep(page, approver.email, approver.password);
    await page.waitForURL(/\/login\/code/);
    // The enrolment code's time step is taken: the next step's code is the one to use.
    await page.getByLabel('Code').fill(codeAt(secret, 30_000));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await page.locator('.flash.error').count()).toBe(0);
  });
});
