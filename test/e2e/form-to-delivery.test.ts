// One incident through the real app, as people use it: opened in the browser form, then
// triaged, scoped, approved and closed over the API, with the real SendGrid and Twilio
// SDKs sending to loopback stand-ins. Proves the notices reach people, the public notice
// stands in for those without contact, the audit chain holds, and no personal data
// reaches Temporal's workflow history.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSmsSegments } from '../../activities/providers/sms-segments';
import { RECIPIENT_NAME_TOKEN } from '../../activities/render/subject-notice';
import { tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';
import { type AppProcess, startApp } from '../support/app-process';
import { scanIncidentHistories } from '../support/history-scan';
import { AesGcmPayloadCodec } from '../../lib/payload-codec';
import { loadAppConfig } from '../../app.config';
import { loadPayloadKeys } from '../../temporal.config';
import { testEngines } from '../support/test-db';
import { type SendGridStandIn, startSendGridStandIn } from '../support/sendgrid-standin';
import { type TwilioStandIn, startTwilioStandIn } from '../support/twilio-standin';
import {
  saveCompleteOrgProfile,
  apiClient,
  browser,
  expectStatus,
  fileSupplementAndClose,
  scopeAndApprove,
  hiddenField,
  type Incident,
  printLogsOnFailure,
  waitFor,
} from './helpers';

const run = promisify(execFile);

const ZOE = { name: 'Zoë Fixture-Person', email: 'zoe.fixture@example.com' };
const WANG = { name: '王测试', phone: '+8613800138000' };
const NOBODY = { name: 'Quentin Nocontact-Fixture' };
const REPORTER = 'Rita Reporter-Fixture';
/** Sent as an older client would, free text in detectionMethod: it must reach SQLite only. */
const DETECTION_METHOD = 'Call from rita.caller@example.net +442079460123 DETECTION-METHOD-MARKER';
/** Free text people type at each step; none of it may reach workflow history either. */
const MARKERS = {
  detectionNote: 'DETECTION-NOTE-MARKER from the SOC rota',
  triage: 'TRIAGE-REASON-MARKER the paste holds real customer records.',
  recompute: 'RECOMPUTE-REASON-MARKER checking the clocks',
  approval: 'APPROVAL-NOTE-MARKER wording checked by legal',
  filingReference: 'FILING-REFERENCE-MARKER',
  delayReason: 'DELAY-REASON-MARKER collecting the facts the portal asks for.',
  supplement: 'SUPPLEMENT-MARKER forensics found 40 accounts',
  close: 'CLOSE-SUMMARY-MARKER passwords reset, paste removed.',
};
const PERSONAL_DATA = [
  ZOE.name,
  ZOE.email,
  WANG.name,
  WANG.phone,
  NOBODY.name,
  REPORTER,
  DETECTION_METHOD,
  'rita.caller@example.net',
  '+442079460123',
  'DETECTION-METHOD-MARKER',
  ...Object.values(MARKERS),
];

const TWILIO = {
  accountSid: `AC${'e2e0'.repeat(8)}`,
  authToken: 'e2e-twilio-auth-token-0123456789',
  from: '+14155550100',
};
const SENDGRID_KEY = 'SG.e2e-standin-key';

/**
 * The login form takes the admin token; once it takes an email and a password instead, the
 * first admin is created on the server with bin/user-create.ts, as an operator would.
 */
async function createAdminAccount(app: AppProcess): Promise<{ email: string; password: string }> {
  const account = { email: 'e2e-admin@example.org', password: randomBytes(16).toString('hex') };
  await run(
    process.execPath,
    [...tsxNodeFlags(), 'bin/user-create.ts', '--email', account.email, '--role', 'admin', '--name', 'E2E Admin'],
    {
      cwd: REPO_ROOT,
      env: { ...app.env, BREACHLINE_NEW_PASSWORD: account.password },
      timeout: 60_000,
    },
  );
  return account;
}

describe.each(testEngines())('from the web form to delivered notices and a verified report (%s)', (engine) => {
  let app: AppProcess | undefined;
  let sendgrid: SendGridStandIn;
  let twilio: TwilioStandIn;

  beforeAll(async () => {
    sendgrid = await startSendGridStandIn({ apiKey: SENDGRID_KEY });
    twilio = await startTwilioStandIn({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
    app = await startApp({
      engine,
      env: {
        SENDGRID_API_KEY: SENDGRID_KEY,
        SENDGRID_FROM_EMAIL: 'breach-notices@example.org',
        SENDGRID_BASE_URL: sendgrid.url,
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM_NUMBER: TWILIO.from,
        TWILIO_BASE_URL: twilio.url,
        // Two-factor login has its own test (test/browser/two-factor-in-browser.test.ts). It is enforced
        // once a secrets key is set, as PostgreSQL requires, and would hold the new admin at Account.
        BREACHLINE_MFA_ROLES: 'none',
      },
    });
  });

  afterAll(async () => {
    await app?.dispose();
    await sendgrid?.close();
    await twilio?.close();
  });

  it('logs in, opens the incident by form, notifies people by email, SMS and public notice, and closes with an intact audit chain', async () => {
    printLogsOnFailure(() => (app ? [{ name: 'breachline', logs: app.logs }] : []));
    const a = app!;
    const api = apiClient(a.baseUrl, a.token);
    await saveCompleteOrgProfile(api);

    // ---- The browser: login form, then the new-incident form, both with CSRF ----
    const web = browser(a.baseUrl);
    const loginPage = await web.get('/login?next=/incidents/new');
    expect(loginPage.status).toBe(200);
    expect(web.cookies.has('bl.csrf')).toBe(true);
    const credentials = /name="password"/.test(loginPage.html) ? await createAdminAccount(a) : { token: a.token };
    const login = await web.post('/login', {
      ...credentials,
      _csrf: hiddenField(loginPage.html, '_csrf'),
      next: hiddenField(loginPage.html, 'next'),
    });
    expect(login.status, login.html).toBe(302);
    expect(login.location).toBe('/incidents/new');

    const form = await web.get('/incidents/new');
    expect(form.status, form.html).toBe(200);
    const detectedAt = new Date(Date.now() - 2 * 3600_000).toISOString().slice(0, 16);
    const title = 'Credential dump found on a paste site';
    const opened = await web.post('/incidents', {
      _csrf: hiddenField(form.html, '_csrf'),
      idempotencyKey: hiddenField(form.html, 'idempotencyKey'),
      title,
      description: 'A paste with customer emails and password hashes.',
      detectedAt,
      severity: 'high',
      detectionMethod: DETECTION_METHOD,
      detectionNote: MARKERS.detectionNote,
      dataCategories: ['email', 'name'],
      reporter: REPORTER,
    });
    expect(opened.status, opened.html).toBe(303);
    const id = /^\/incidents\/([0-9A-Z]{26})$/.exec(opened.location ?? '')?.[1];
    expect(id, `redirect to ${opened.location}`).toBeDefined();
    const page = await web.get(opened.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(title);
    expect(page.html).toContain(id!);
    // The words are the incident's, in SQLite, shown on its page; the method is the code's label.
    expect(page.html).toContain('(Other)');
    expect(page.html).toContain(MARKERS.detectionNote);
    expect(page.html).toContain('DETECTION-METHOD-MARKER');

    const created = expectStatus(
      await api.get<Incident & { detectedAt: string }>(`/api/incidents/${id}`),
      200,
      'incident',
    );
    expect(created.detectedAt).toBe(`${detectedAt}:00.000Z`);
    expect(created.stage).toBe('triage');

    // ---- The API: triage, people, scope, approval ----
    const csv = [
      'name,email,phone,jurisdiction,locale',
      `${ZOE.name},${ZOE.email},,DE,en`,
      `${WANG.name},,${WANG.phone},CN,zh-CN`,
      `${NOBODY.name},,,US-CA,en`,
    ].join('\n');
    await scopeAndApprove(() => api, id!, csv, MARKERS);

    // ---- Delivery through the real SDKs ----
    const email = await waitFor(
      'the email to zoe at the SendGrid stand-in',
      async () => sendgrid.received.find((m) => m.to === ZOE.email),
      60_000,
    );
    expect(email.subject).not.toBe('');
    expect(email.subject).not.toContain(RECIPIENT_NAME_TOKEN);
    expect(email.html).toContain(Handlebars.escapeExpression(ZOE.name));
    expect(email.html).not.toContain(RECIPIENT_NAME_TOKEN);
    expect(email.text).toContain(ZOE.name);
    expect(email.customArgs).toMatchObject({ incidentId: id });

    const sms = await waitFor(
      'the SMS to the zh-CN person at the Twilio stand-in',
      async () => twilio.received.find((m) => m.to === WANG.phone),
      60_000,
    );
    expect(sms.from).toBe(TWILIO.from);
    expect(sms.body).toMatch(/[\u4e00-\u9fff]{4}/);
    // Short by design: no name, a link to the notice page instead.
    expect(sms.body).toContain(`/public/notices/${id}`);
    expect(countSmsSegments(sms.body).encoding).toBe('UCS-2');
    // Nobody else was written to: the person without contact gets the public notice instead.
    expect(sendgrid.received.filter((m) => m.customArgs.incidentId === id).map((m) => m.to)).toEqual([ZOE.email]);
    expect(twilio.received.map((m) => m.to)).toEqual([WANG.phone]);

    const outbox = await waitFor(
      'both notices to read as sent in the outbox',
      async () => {
        const { notifications } = expectStatus(
          await api.get<{
            notifications: {
              kind: string;
              channel: string;
              recipient: string;
              status: string;
              providerId: string | null;
            }[];
          }>(`/api/incidents/${id}/notifications`),
          200,
          'outbox',
        );
        const subjects = notifications.filter((n) => n.kind === 'subject');
        return subjects.length === 2 && subjects.every((n) => n.status === 'sent') ? subjects : undefined;
      },
      30_000,
    );
    expect(outbox.find((n) => n.channel === 'email')).toMatchObject({
      recipient: ZOE.email,
      status: 'sent',
      providerId: email.messageId,
    });
    expect(outbox.find((n) => n.channel === 'sms')).toMatchObject({
      recipient: WANG.phone,
      status: 'sent',
      providerId: sms.sid,
    });

    // ---- The public substitute notice, for the person without contact ----
    const notice = await waitFor(
      'the public substitute notice',
      async () => {
        const r = await fetch(`${a.baseUrl}/public/notices/${id}`);
        return r.status === 200 ? r.text() : undefined;
      },
      30_000,
    );
    expect(notice.length).toBeGreaterThan(200);
    for (const value of PERSONAL_DATA) expect(notice, `public notice must not contain "${value}"`).not.toContain(value);

    // ---- Filings, a supplement, close, report ----
    await fileSupplementAndClose(() => api, id!, MARKERS);
    const final = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
    expect(final).toMatchObject({ stage: 'closed', status: 'closed' });

    // ---- The audit chain verifies from the command line, named by its file or URL ----
    // execFile rejects on any exit status but 0.
    const config = loadAppConfig(a.env);
    const { stdout } = await run(
      process.execPath,
      [...tsxNodeFlags(), 'bin/audit-verify.ts', config.databaseUrl ?? config.dbPath],
      {
        cwd: REPO_ROOT,
        env: a.env,
        timeout: 60_000,
      },
    );
    expect(stdout).toMatch(/audit chain intact/);

    // ---- No personal data in Temporal ----
    const connection = await Connection.connect({ address: a.temporalAddress });
    try {
      const client = new Client({ connection, namespace: 'default' });
      // Read with the app's key (BREACHLINE_PAYLOAD_KEY, or the one it made in its data directory);
      // the raw history must hold ciphertext only.
      const keys = loadPayloadKeys(a.env, a.dataDir, { warn: () => undefined });
      // Every workflow of the incident, every run: the incident, its notice wave, any late bounces.
      const runs = await scanIncidentHistories(client, id!, new AesGcmPayloadCodec(keys));
      for (const run of runs) expect(run.plainPayloads, `${run.workflowId} run ${run.runId}`).toEqual([]);
      expect(runs.map((r) => r.workflowId.split('-')[0]).sort()).toEqual(
        expect.arrayContaining(['incident', 'notify']),
      );
      const all = runs.map((r) => r.text).join('\n');
      // The search works: non-personal values the workflows do carry are found.
      expect(all).toContain('"detectionMethod":"other"');
      expect(all).toContain('incident.closed');
      expect(all).toContain(id!);
      for (const run of runs)
        for (const value of PERSONAL_DATA)
          expect(run.text.includes(value), `${run.workflowId} run ${run.runId} contains "${value}"`).toBe(false);
    } finally {
      await connection.close();
    }

    // ---- Nor in the app's logs ----
    const logs = a.logs();
    for (const value of PERSONAL_DATA) expect(logs.includes(value), `app output contains "${value}"`).toBe(false);
  }, 180_000);
});
