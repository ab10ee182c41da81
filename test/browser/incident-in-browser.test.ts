// Three people run an incident from the form to the report in a real browser
// (Debian's Chromium through playwright-core) against the whole app started
// in-process: an admin invites a responder and an approver, each does only
// their part, and a responder's attempt to approve is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startHarness, type Harness } from '../support/app-harness';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const PEOPLE_CSV = [
  'name,email,phone,jurisdiction,locale',
  'Mia Browser-Fixture,mia.browser@example.com,,DE,de',
  'Jonas Browser-Fixture,jonas.browser@example.com,,DE,en',
].join('\n');

let h: Harness;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  h = await startHarness();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await h?.close();
});

async function logIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/dashboard`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

async function addPerson(admin: Page, email: string, name: string, role: string, password: string) {
  await admin.goto(`${h.baseUrl}/settings/users`);
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Name', { exact: true }).fill(name);
  await admin.getByLabel('Role', { exact: true }).selectOption(role);
  await admin.getByLabel(/Initial password/).fill(password);
  await admin.getByRole('button', { name: 'Add person' }).click();
  await expect.poll(() => admin.getByRole('status').textContent()).toContain(`Created ${role} ${email}`);
}

/** Submits a form and fails with the page's error banner if the server refused it. */
async function submit(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
  const error = page.locator('.flash.error');
  if (await error.count()) throw new Error(`"${button}" refused: ${await error.first().textContent()}`);
}

describe('an incident run in the browser by an admin, a responder and an approver', () => {
  it('goes from the new-incident form to the report, each person doing only their part', async () => {
    const admin = await createTestUser(h, { email: 'ada.admin@example.org', role: 'admin', name: 'Ada Admin' });
    const adminPage = await logIn(admin.email, admin.password);
    await addPerson(adminPage, 'rick.responder@example.org', 'Rick Responder', 'responder', 'responder-pass-0123');
    await addPerson(adminPage, 'alma.approver@example.org', 'Alma Approver', 'approver', 'approver-pass-0123');

    // ---- Responder: opens the incident through the form ----
    const r = await logIn('rick.responder@example.org', 'responder-pass-0123');
    await r.getByRole('link', { name: 'New incident' }).first().click();
    await r.getByLabel('How it was detected').selectOption('customer_report');
    await r.getByLabel(/Detection note/).fill('via the support desk');
    await r.getByLabel('Reporter').fill('Support desk');
    await r.getByLabel('Severity').selectOption('critical');
    await r.getByRole('button', { name: 'Open incident' }).click();
    // Without a title: an inline message at the field, and what was typed is kept.
    await expect.poll(() => r.locator('#title-error').textContent()).toContain('required');
    expect(await r.getByLabel('How it was detected').inputValue()).toBe('customer_report');
    expect(await r.getByLabel(/Detection note/).inputValue()).toBe('via the support desk');
    expect(await r.getByLabel('Severity').inputValue()).toBe('critical');
    await r.getByLabel('Title').fill('Support mailbox forwarded to an outside address');
    await submit(r, 'Open incident');
    const incidentUrl = r.url();
    const id = /\/incidents\/([0-9A-Z]{26})$/.exec(incidentUrl)?.[1];
    expect(id, incidentUrl).toBeDefined();

    // ---- Responder: triage (no dismiss button for this role), assessment, people, hold ----
    expect(await r.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
    // The room's header names the one next step for this role: triage first, then the scope.
    expect(await r.locator('a[data-next-action]').textContent()).toBe('Confirm or dismiss');
    await r.getByLabel('Reason for the triage decision').fill('Forwarding rule exposed customer emails');
    await submit(r, 'Confirm personal-data breach');
    expect(await r.locator('a[data-next-action]').textContent()).toBe('Enter the scope');
    await r.locator('fieldset', { hasText: 'Data elements' }).getByLabel('email', { exact: true }).check();
    await r.locator('fieldset', { hasText: 'Data elements' }).getByLabel('name', { exact: true }).check();
    await r.getByLabel('Risk to people').selectOption('high_risk');
    await r.getByLabel('Why this risk level').fill('Emails with order details reached an unknown party');
    await r.getByLabel(/Affected people by residence/).fill('DE=2');
    await r.getByLabel(/Public headline/).fill('Your order emails may have been seen by someone else');
    await submit(r, 'Save assessment');
    expect(await r.locator('ol.stepper li[aria-current=step]').textContent()).toBe('approval');
    // Every action confirms itself at the top of the page.
    expect(await r.locator('.flash.ok').textContent()).toContain('Assessment saved');
    // The re-assess form shows what was saved, so a careless save changes nothing.
    expect(await r.getByLabel('Risk to people').inputValue()).toBe('high_risk');
    expect(await r.getByLabel('Why this risk level').inputValue()).toBe(
      'Emails with order details reached an unknown party',
    );
    expect(await r.getByLabel(/Affected people by residence/).inputValue()).toContain('DE=2');
    // The deadlines as a picture.
    expect(await r.locator('svg.deadline-chart').count()).toBe(1);

    const csvFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-browser-')), 'people.csv');
    fs.writeFileSync(csvFile, PEOPLE_CSV);
    await r.getByLabel(/CSV file/).setInputFiles(csvFile);
    await submit(r, 'Import');
    await expect.poll(() => r.locator('.facts').textContent()).toContain('2 imported');

    await r.getByLabel('Requested by').selectOption('company');
    await r.getByLabel('Reason for the hold').fill('Police asked us to wait while they trace the forwarding account');
    await submit(r, 'Place hold');
    expect(await r.getByRole('heading', { name: 'Notification hold in force' }).count()).toBe(1);

    // ---- Responder: no approve or release button, and the server refuses a forged approval ----
    expect(await r.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Release hold' }).count()).toBe(0);
    const csrf = await r.locator('input[name=_csrf]').first().inputValue();
    const version = (await h.api('GET', `/api/incidents/${id}/notices`)).body.noticeVersion as string;
    const forged = await r.context().request.post(`${h.baseUrl}/incidents/${id}/approval`, {
      form: { _csrf: csrf, noticeVersion: version },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect((await h.api('GET', `/api/incidents/${id}`)).body.approval).toBeNull();

    // ---- Approver: releases the hold and approves exactly the previewed notices ----
    const a = await logIn('alma.approver@example.org', 'approver-pass-0123');
    await a.goto(incidentUrl);
    await a.getByLabel('Reason for releasing the hold').fill('Police confirmed in writing that notice may go ahead');
    await submit(a, 'Release hold');
    expect(await a.getByRole('heading', { name: 'Notification hold in force' }).count()).toBe(0);
    expect(await a.locator('iframe.preview').count()).toBeGreaterThan(0);
    // At 1440x900 the next action and the most urgent deadlines are above the fold.
    await a.setViewportSize({ width: 1440, height: 900 });
    const next = a.locator('a[data-next-action]');
    expect(await next.textContent()).toBe('Approve these notices');
    expect(await a.locator('ul.urgent li').count()).toBeGreaterThan(0);
    for (const box of [await next.boundingBox(), await a.locator('ul.urgent').boundingBox()])
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await a.getByLabel('Approval note').fill('Checked with legal');
    await submit(a, 'Approve exactly these notices');
    expect(await a.locator('.flash.ok').textContent()).toContain('Notices approved');
    // A finished approval shows who approved which version, not its button again; the next step is the filing.
    expect(await a.locator('[data-approved]').textContent()).toContain('Alma Approver');
    expect(await a.getByRole('button', { name: 'Approve exactly these notices' }).count()).toBe(0);
    expect(await a.locator('a[data-next-action]').textContent()).toMatch(/^Record the filing with /);
    // With the filing form on the page, nothing scrolls sideways at 1440 px.
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);

    // ---- The notices reach the dev mailbox ----
    await a.goto(`${h.baseUrl}/mailbox`);
    await expect
      .poll(
        async () => {
          await a.reload();
          const text = (await a.locator('table.list tbody').textContent()) ?? '';
          return text.includes('mia.browser@example.com') && text.includes('jonas.browser@example.com');
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // ---- Approver: records the regulator filing and closes ----
    await a.goto(incidentUrl);
    for (let i = 0; i < 5 && (await a.getByRole('button', { name: 'Record filing' }).count()) > 0; i++) {
      await a.getByLabel('Filing reference').fill(`BfDI-2026-${i + 1}`);
      await submit(a, 'Record filing');
    }
    await expect
      .poll(
        async () => {
          await a.goto(incidentUrl);
          return (await h.api('GET', `/api/incidents/${id}`)).body.obligations.filter(
            (o: { required: boolean; status: string }) =>
              o.required && ['pending', 'manual', 'held'].includes(o.status),
          ).length;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    await a
      .getByLabel('Summary for the post-incident report')
      .fill('Forwarding rule removed; affected customers told.');
    await submit(a, 'Close incident');
    await a.getByRole('link', { name: 'Post-incident report' }).click();
    expect(await a.content()).toContain('Forwarding rule removed; affected customers told.');
    // The report goes to a regulator: who did what reads as people's names, the ids only in tooltips.
    const reportText = await a.locator('body').innerText();
    expect(reportText).toContain('Rick Responder');
    expect(reportText).toContain('Alma Approver');
    expect(reportText).toContain('Breachline (automatic)');
    expect(reportText).not.toMatch(/\b(user|token|system):[A-Za-z0-9_]+/);

    // ---- Screenshots: the incident room, then the dashboard with this and a running incident ----
    await r.goto(incidentUrl);
    await r.screenshot({ path: path.join(SCREENSHOTS, 'incident-room.png'), fullPage: true });
    // Readable on a phone: the page fits the narrow viewport without sideways scrolling.
    await r.setViewportSize({ width: 390, height: 844 });
    await r.reload();
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await r.screenshot({ path: path.join(SCREENSHOTS, 'incident-room-phone.png'), fullPage: false });
    // The dashboard is open before the next incident's deadline exists; it appears without a reload.
    await a.goto(`${h.baseUrl}/dashboard`);
    expect(await a.locator('#deadlines').textContent()).not.toContain('Laptop with HR files stolen');
    const running = await h.api('POST', '/api/incidents', {
      title: 'Laptop with HR files stolen',
      detectedAt: new Date().toISOString(),
      severity: 'high',
      detectionMethod: 'staff report',
      reporter: 'HR',
    });
    await h.api('POST', `/api/incidents/${running.body.id}/triage`, {
      decision: 'confirm',
      reason: 'Unencrypted disk',
    });
    await h.api('POST', `/api/incidents/${running.body.id}/assessment`, {
      dataElements: ['name', 'national_id'],
      encrypted: false,
      role: 'controller',
      riskLevel: 'high_risk',
      riskRationale: 'ID numbers',
      affected: { DE: 40, FR: 3, CN: 5 },
    });
    expect(await a.getByRole('heading', { name: /^Open obligations/ }).count()).toBe(1);
    await expect
      .poll(() => a.locator('#deadlines table').textContent(), { timeout: 40_000 })
      .toContain('Laptop with HR files stolen');
    expect(await a.locator('#deadlines time[data-countdown]').first().textContent()).toMatch(/\(in \d+d \d+h \d+m\)/);
    // PIPL's "immediately" has no date: the dashboard lists it as due now, first, with its clock's age.
    const dueNowRow = a.locator('#deadlines tr.due-now-row', { hasText: 'Laptop with HR files stolen' });
    expect(await dueNowRow.count()).toBeGreaterThan(0);
    expect(await dueNowRow.first().textContent()).toContain('Due now');
    await a.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    // An incident known 80 hours ago: its 72-hour GDPR deadline has passed, red in the header and the chart.
    const late = await h.api('POST', '/api/incidents', {
      title: 'Backup tape missing after courier handover',
      detectedAt: new Date(Date.now() - 80 * 3600_000).toISOString(),
      severity: 'high',
      detectionMethod: 'staff report',
      reporter: 'Facilities',
    });
    await h.api('POST', `/api/incidents/${late.body.id}/triage`, {
      decision: 'confirm',
      reason: 'Unencrypted tape',
      awarenessAt: new Date(Date.now() - 80 * 3600_000).toISOString(),
    });
    await h.api('POST', `/api/incidents/${late.body.id}/assessment`, {
      dataElements: ['name', 'email'],
      encrypted: false,
      role: 'controller',
      riskLevel: 'risk',
      riskRationale: 'Names and emails',
      affected: { DE: 12 },
    });
    expect(late.status).toBe(201);
    // The obligations reach the page once the workflow has stored them.
    await expect
      .poll(
        async () => {
          await a.goto(`${h.baseUrl}/incidents/${late.body.id}`);
          return a.locator('ul.urgent li.overdue').count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    expect(await a.locator('ul.urgent li.overdue').first().textContent()).toContain('Overdue');
    expect(await a.locator('svg.deadline-chart rect.bar[fill="#c62828"]').count()).toBeGreaterThan(0);
    await a.screenshot({ path: path.join(SCREENSHOTS, 'incident-room-overdue.png'), fullPage: false });
    expect(fs.statSync(path.join(SCREENSHOTS, 'dashboard.png')).size).toBeGreaterThan(10_000);
    expect(fs.statSync(path.join(SCREENSHOTS, 'incident-room.png')).size).toBeGreaterThan(10_000);
  }, 180_000);

  it('dismisses an alert storm’s incidents from the list with one tick and one reason', async () => {
    const storm: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await h.api('POST', '/api/incidents', {
        title: `Probe storm ${n}`,
        detectedAt: new Date().toISOString(),
        severity: 'low',
        detectionMethod: 'monitoring alert',
        reporter: 'Alertmanager',
      });
      expect(created.status).toBe(201);
      storm.push(created.body.id as string);
    }
    const approver = await createTestUser(h, { email: `storm-${Date.now()}@example.org`, role: 'approver' });
    const p = await logIn(approver.email, approver.password);
    await p.goto(`${h.baseUrl}/incidents?stage=triage`);
    const boxes = p.locator('input[name="incidentIds"]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    // The box in the header ticks every incident shown (it is hidden without script).
    await p.getByLabel('Tick every incident in triage shown').check();
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    const shown = await boxes.count();
    await p.getByLabel('Reason').fill('Probe misconfigured during the upgrade; no data involved');
    await submit(p, 'Dismiss ticked');
    expect(await p.getByRole('status').first().textContent()).toContain(`Dismissed ${shown} incident`);
    for (const id of storm) expect((await h.api('GET', `/api/incidents/${id}`)).body.stage).toBe('dismissed');
  }, 60_000);
});
