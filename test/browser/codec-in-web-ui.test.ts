// The Temporal Web UI, as the CLI's dev server ships it, shows an admin the decrypted payloads of an
// incident through Breachline's codec endpoint, and shows anyone else the ciphertext Temporal holds.
// Real parts only: a dev server with its Web UI (not the run's shared headless one) pointed at the
// app's /codec, the whole app in-process, and Debian's Chromium through playwright-core. Each person
// sets the UI's codec up as docs/security.md tells an admin to: their browser's own endpoint with
// "Include cross-origin credentials", so the UI's request carries their Breachline session cookie.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../bin/dev-server';
import { loadTemporalConfig } from '../../temporal.config';
import { createTestUser, incidentBody, startHarness, type Harness } from '../support/app-harness';
import { freePort } from '../support/free-port';
import { scanIncidentHistories } from '../support/history-scan';

const CHROMIUM = '/usr/bin/chromium';
/** The localStorage keys the Web UI's codec dialog writes (temporalio/ui, src/lib/stores/data-encoder-config.ts). */
const CODEC_SETTINGS = ['overrideRemoteCodecConfiguration', 'endpoint', 'includeCredentials'];
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

let h: Harness;
let temporal: DevServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Both on `localhost`, as `npm start` prints them: different ports of one site, so a SameSite=Lax cookie travels. */
let appOrigin: string;
let uiOrigin: string;

beforeAll(async () => {
  const [frontendPort, uiPort, appPort] = [await freePort(), await freePort(), await freePort()];
  appOrigin = `http://localhost:${appPort}`;
  uiOrigin = `http://localhost:${uiPort}`;
  temporal = await startDevServer(
    loadTemporalConfig({
      TEMPORAL_DEV_IP: '127.0.0.1',
      TEMPORAL_DEV_PORT: String(frontendPort),
      TEMPORAL_DEV_UI_PORT: String(uiPort),
      TEMPORAL_DEV_HEADLESS: 'false',
      BREACHLINE_DATA_DIR: os.tmpdir(), // unused: the server runs in memory
    }),
    { inMemory: true, codecEndpoint: `${appOrigin}/codec` },
  );
  h = await startHarness({ port: appPort, temporalAddress: temporal.address, codecOrigins: [uiOrigin] });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await h?.close();
  await temporal?.stop();
});

/** A browser of its own (cookies, localStorage) that reaches loopback only: the UI's news feed stays out. */
async function newPerson(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  await context.route(
    (url) => !['localhost', '127.0.0.1'].includes(url.hostname),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function logInToBreachline(page: Page, email: string, password: string) {
  await page.goto(`${appOrigin}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/dashboard$/);
}

/**
 * The admin's one-time step in the Web UI: the codec icon in the top bar, "Use my browser setting",
 * the endpoint, "Include cross-origin credentials", Apply. The dev server sets the endpoint for
 * everyone but has no flag for credentials, so without this step the UI's request carries no cookie.
 */
async function useBreachlineCodec(page: Page) {
  await page.getByTestId(/^data-encoder-status/).click();
  const dialog = page.locator('#data-encoder-settings');
  await dialog.getByText('Use my browser setting and ignore Cluster-level setting.').click();
  await dialog.getByLabel('Codec Server browser endpoint').fill(`${appOrigin}/codec`);
  await dialog.getByTestId('data-encoder-include-credentials').click();
  expect(await dialog.getByRole('switch', { name: 'Include cross-origin credentials' }).isChecked()).toBe(true);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  // The UI decodes what it loads next, not what is already on the page.
  await page.reload();
}

/**
 * Waits for the UI's verdict on the page's payloads (the codec icon turns to success or error), then
 * expands the first event (workflow started, which holds the input) and returns the HTTP status of the
 * codec request that expansion makes.
 */
async function expandStartedEvent(page: Page, verdict: 'success' | 'error'): Promise<number> {
  await page.getByTestId(`data-encoder-status-${verdict}`).waitFor();
  const answer = page.waitForResponse(
    (r) => r.url().startsWith(`${appOrigin}/codec/decode`) && r.request().method() === 'POST',
  );
  await page.locator('[data-testid="event-summary-row"][data-eventid="1"]').click();
  return (await answer).status();
}

describe('the Temporal Web UI with the codec endpoint', () => {
  it('shows an admin the decrypted workflow input, and a responder the ciphertext Temporal holds', async () => {
    const created = await h.api('POST', '/api/incidents', incidentBody({ detectedAt: '2026-11-25T08:17:00Z' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const handle = h.client.workflow.getHandle(`incident-${id}`);
    const { runId } = await handle.describe();

    // What Temporal holds, read without the codec: every payload sealed, no field of the input in clear.
    const runs = await scanIncidentHistories(h.client, id);
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.plainPayloads).toEqual([]);
      expect(run.text).not.toContain('detectionMethod');
      expect(run.text).not.toContain('2026-11-25T08:17');
    }
    const history = await handle.fetchHistory();
    const sealedInput = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const ciphertext = Buffer.from(sealedInput.data!).toString('base64');
    const historyUrl = `${uiOrigin}/namespaces/default/workflows/incident-${id}/${runId}/history`;

    const admin = await createTestUser(h, { email: 'ada.admin@example.org', role: 'admin' });
    const adminPage = await newPerson();
    await logInToBreachline(adminPage, admin.email, admin.password);
    await adminPage.goto(historyUrl);
    await useBreachlineCodec(adminPage);
    expect(await expandStartedEvent(adminPage, 'success')).toBe(200);
    const details = adminPage.getByTestId('event-summary-row-expanded');
    await expect.poll(() => details.innerText()).toContain(`"incidentId": "${id}"`);
    const opened = await details.innerText();
    expect(opened).toContain('"detectedAt": "2026-11-25T08:17:00.000Z"');
    expect(opened).not.toContain(ciphertext.slice(0, 24));
    await adminPage.screenshot({ path: path.join(SCREENSHOTS, 'temporal-ui-decoded.png'), fullPage: false });

    // What the dialog stored in the admin's browser; the responder's browser gets the same settings
    // (as if they had clicked through it too) without a second slow load of the UI.
    const settings = await adminPage.evaluate(
      (keys) => Object.fromEntries(keys.map((key) => [key, localStorage.getItem(key)])),
      CODEC_SETTINGS,
    );
    expect(settings).toEqual({
      overrideRemoteCodecConfiguration: 'true',
      endpoint: JSON.stringify(`${appOrigin}/codec`),
      includeCredentials: 'true',
    });

    // The session is a responder's: the cookie travels (403, not 401) and is refused, so the UI has
    // nothing but the ciphertext to show.
    const responder = await createTestUser(h, { email: 'rick.responder@example.org', role: 'responder' });
    const responderPage = await newPerson();
    await responderPage.context().addInitScript((stored) => {
      for (const [key, value] of Object.entries(stored)) if (value !== null) localStorage.setItem(key, value);
    }, settings);
    await logInToBreachline(responderPage, responder.email, responder.password);
    await responderPage.goto(historyUrl);
    expect(await expandStartedEvent(responderPage, 'error')).toBe(403);
    const sealed = await responderPage.getByTestId('event-summary-row-expanded').innerText();
    expect(sealed).toContain(ciphertext.slice(0, 24));
    expect(sealed).not.toContain('detectionMethod');
    expect(sealed).not.toContain('2026-11-25T08:17');
  }, 60_000);
});
