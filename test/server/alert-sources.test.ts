// Alert sources for the tools teams already run (issue 16): Alertmanager with a bearer
// token, Sentry with its body signature, our HMAC with a canonical replay key. Each
// proves itself or gets 401 naming what failed; Alertmanager's group re-sends count an
// alert once per (fingerprint, startsAt); a resolve lands on the open incident; a
// delivery whose signature header is spelled five ways is one alert.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAlertSources } from '../../server/webhooks/alert-sources';
import { signPayload } from '../../server/webhooks/signature';
import { createTestUser, logInForm, startHarness, WEBHOOK_SECRET, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';
import { TEST_ALERT_KEY } from '../../server/use-cases/test-alert';
import { loadSample } from './alert-adapters/load-sample';

const PROM_TOKEN = 'prom-bearer-token-0123456789';
const SENTRY_SECRET = 'sentry-client-secret-0123456789';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: {
      BREACHLINE_ALERT_SOURCES: JSON.stringify([
        { name: 'prom', format: 'alertmanager', auth: { type: 'bearer', token: PROM_TOKEN } },
        { name: 'sentry', format: 'sentry', auth: { type: 'hmac-sentry', secret: SENTRY_SECRET } },
      ]),
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const post = async (source: string, body: string, headers: Record<string, string>) => {
  const res = await fetch(`${h.baseUrl}/webhooks/alerts/${source}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const alertRows = (source: string) =>
  h.db.all<{ action: string; incident_id: string | null }>(
    'SELECT action, incident_id FROM alerts WHERE source = ? ORDER BY received_at',
    [source],
  );

describe('Alertmanager with a bearer token', () => {
  it('opens one incident per group, counts a re-sent alert once, adds a new one and records the resolve', async () => {
    const group = loadSample('alertmanager-v4-firing.json');
    const bearer = { authorization: `Bearer ${PROM_TOKEN}` };

    expect(await post('prom', JSON.stringify(group), {})).toMatchObject({
      status: 401,
      body: { field: 'authorization' },
    });
    expect(await post('prom', JSON.stringify(group), { authorization: 'Bearer not-the-token-at-all' })).toMatchObject({
      status: 401,
    });

    const first = await post('prom', JSON.stringify(group), bearer);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const incidentId = first.body.incidentId as string;
    expect(incidentId).toMatch(/^[0-9A-Z]{26}$/);

    // group_interval later Alertmanager sends the whole group again, now with a second alert firing.
    const [alert] = group.alerts!;
    const again = {
      ...group,
      truncatedAlerts: 0,
      alerts: [
        alert,
        { ...alert, fingerprint: 'b2c3d4e5f6a70812', labels: { ...(alert!.labels as object), instance: 'db-2' } },
      ],
    };
    const second = await post('prom', JSON.stringify(again), bearer);
    expect(second.status, JSON.stringify(second.body)).toBe(202);
    expect(second.body).toMatchObject({ incidentIds: [incidentId] });
    expect(await alertRows('prom')).toEqual([
      { action: 'trigger', incident_id: incidentId },
      { action: 'trigger', incident_id: incidentId },
    ]);

    // Then the first alert resolves: recorded on the same incident.
    const resolved = {
      ...group,
      status: 'resolved',
      alerts: [{ ...alert, status: 'resolved', endsAt: '2023-02-06T13:20:00.000Z' }],
    };
    const third = await post('prom', JSON.stringify(resolved), bearer);
    expect(third).toMatchObject({ status: 202, body: { incidentId } });
    expect((await alertRows('prom')).map((r) => r.action)).toEqual(['trigger', 'trigger', 'resolve']);
  });

  it('refuses a payload that is not Alertmanager v4, naming the field', async () => {
    const r = await post('prom', JSON.stringify({ version: '3', alerts: [] }), {
      authorization: `Bearer ${PROM_TOKEN}`,
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBeTruthy();
  });
});

describe('Sentry with its body signature', () => {
  it('accepts the signed issue alert and refuses a wrong signature', async () => {
    const body = JSON.stringify(loadSample('sentry-event-alert.json'));
    const signature = createHmac('sha256', SENTRY_SECRET).update(body).digest('hex');
    const bad = await post('sentry', body, {
      'sentry-hook-resource': 'event_alert',
      'sentry-hook-signature': createHmac('sha256', 'another-secret-0123456789').update(body).digest('hex'),
    });
    expect(bad).toMatchObject({ status: 401, body: { field: 'sentry-hook-signature' } });
    const good = await post('sentry', body, {
      'sentry-hook-resource': 'event_alert',
      'sentry-hook-signature': signature,
    });
    expect(good.status, JSON.stringify(good.body)).toBe(202);
    expect(good.body.incidentId).toMatch(/^[0-9A-Z]{26}$/);
  });
});

describe('our HMAC', () => {
  it('treats one delivery as one alert however its signature header is spelled', async () => {
    const body = JSON.stringify({ dedupKey: 'replay-spelling', summary: 'Odd login burst', severity: 'high' });
    const t = Math.floor(Date.now() / 1000);
    const header = signPayload(WEBHOOK_SECRET, body, t);
    const mac = header.split('v1=')[1]!;
    const spellings = [
      header,
      `v1=${mac},t=${t}`,
      `t=${t}, v1=${mac}`,
      `t=${t},v1=${mac},v1=${mac}`,
      `t=${t},v1=${mac.toUpperCase()}`,
    ];
    const answers = [];
    for (const s of spellings) answers.push(await post('monitor', body, { 'x-breachline-signature': s }));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(answers.slice(1).every((a) => a.body.replayed === true)).toBe(true);
    const rows = await h.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM alerts WHERE dedup_key = 'replay-spelling'");
    expect(rows[0]!.n).toBe(1);
  });
});

describe('BREACHLINE_ALERT_SOURCES', () => {
  it('names the entry and field at fault', () => {
    expect(() => parseAlertSources('{')).toThrow(/JSON array/);
    expect(() =>
      parseAlertSources(
        JSON.stringify([{ name: 'prom', format: 'alertmanager', auth: { type: 'bearer', token: 'x' } }]),
      ),
    ).toThrow(/\[0\]\.auth\.token: must be at least 16 characters/);
    expect(() =>
      parseAlertSources(
        JSON.stringify([{ name: 'prom', format: 'nagios', auth: { type: 'bearer', token: PROM_TOKEN } }]),
      ),
    ).toThrow(/\[0\]\.format/);
    expect(() =>
      parseAlertSources(
        JSON.stringify([
          { name: 'map', format: 'json-mapping', auth: { type: 'bearer', token: PROM_TOKEN }, mapping: {} },
        ]),
      ),
    ).toThrow(/\[0\]\.mapping/);
  });
});

describe('Settings → Alert sources', () => {
  const signed = (dedupKey: string) => {
    const body = JSON.stringify({ dedupKey, summary: `Alert ${dedupKey} ${randomUUID()}`, severity: 'high' });
    return post('monitor', body, {
      'x-breachline-signature': signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
    });
  };

  it("shows each source's last raw payload to admins only", async () => {
    const admin = await createTestUser(h, { email: 'ada.alerts@example.org', role: 'admin' });
    const analyst = await createTestUser(h, { email: 'ana.alerts@example.org', role: 'responder' });
    const bearer = { authorization: `Bearer ${PROM_TOKEN}` };
    const sample = loadSample('alertmanager-v4-firing.json');
    const group = {
      ...sample,
      groupKey: '{}:{alertname="PayloadShown"}',
      alerts: sample.alerts!.map((a) => ({ ...a, fingerprint: 'feedc0de00000001' })),
    };
    expect((await post('prom', JSON.stringify(group), bearer)).status).toBe(202);

    const web = await logInForm(h, admin.email, admin.password);
    const page = await web.get('/settings/webhooks');
    expect(page.html).toMatch(/<code>prom<\/code><\/td><td>alertmanager/);
    const shown = /data-testid="last-payload-prom">[\s\S]*?<\/details>/.exec(page.html)![0];
    expect(shown).toContain('PayloadShown');
    expect(shown).toContain('&quot;groupKey&quot;');

    const other = await logInForm(h, analyst.email, analyst.password);
    expect((await other.get('/settings/webhooks')).status).toBe(403);
  });

  it('sends a test alert through the intake and the forwarder to one test incident', async () => {
    const admin = await createTestUser(h, { email: 'tess.test@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const press = async () => {
      const page = await web.get('/settings/webhooks');
      const res = await web.post('/settings/webhooks/monitor/test', { _csrf: hiddenField(page.html, '_csrf') });
      expect(res.status).toBe(303);
      return (await web.get('/settings/webhooks')).html;
    };
    expect(await press()).toMatch(/Test alert alr_\w+ is in the intake buffer for incident/);
    await press();
    const rows = await h.db.all<{ incident_id: string; dedup_key: string }>(
      "SELECT incident_id, dedup_key FROM alerts WHERE source = 'monitor' AND dedup_key = ?",
      [TEST_ALERT_KEY],
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.incident_id)).size).toBe(1);
    // Delivered by the forwarder like any alert: both rows reach the workflow.
    await expect
      .poll(
        async () =>
          (await h.db.get<{ n: number }>(
            'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NOT NULL',
            [rows[0]!.incident_id],
          ))!.n,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(2);
    const unknown = await web.post('/settings/webhooks/nobody/test', {
      _csrf: hiddenField((await web.get('/settings/webhooks')).html, '_csrf'),
    });
    expect(unknown.status).toBe(303);
    expect((await web.get('/settings/webhooks')).html).toContain('no alert source by this name');
  });

  it('snoozes a noisy key: no new incident while it lasts, an open incident still fed, all audited', async () => {
    const admin = await createTestUser(h, { email: 'sam.snooze@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const snooze = async (fields: Record<string, string>) => {
      const page = await web.get('/settings/webhooks');
      const res = await web.post('/settings/webhooks/snoozes', { _csrf: hiddenField(page.html, '_csrf'), ...fields });
      expect(res.status).toBe(303);
      return (await web.get('/settings/webhooks')).html;
    };
    const busy = await signed('snooze-busy');
    expect(busy.status).toBe(202);

    expect(await snooze({ source: 'monitor', dedupKey: 'snooze-noisy', hours: '0', reason: 'flapping disk' })).toMatch(
      /Not saved \(hours\)/,
    );
    expect(await snooze({ source: 'nobody', dedupKey: 'snooze-noisy', hours: '2', reason: 'flapping disk' })).toMatch(
      /Not saved \(source\)/,
    );
    await snooze({ source: 'monitor', dedupKey: 'snooze-noisy', hours: '2', reason: 'flapping disk' });
    const page = await snooze({ source: 'monitor', dedupKey: 'snooze-busy', hours: '2', reason: 'known issue' });
    expect(page.match(/data-testid="snooze-row"/g)).toHaveLength(2);

    const quiet = await signed('snooze-noisy');
    expect(quiet).toMatchObject({ status: 202, body: { ignored: true } });
    expect(String(quiet.body.reason)).toMatch(/snoozed on this source until 20/);
    expect(await h.db.get('SELECT incident_id FROM alerts WHERE id = ?', [String(quiet.body.alertId)])).toEqual({
      incident_id: null,
    });
    // The key's open incident keeps receiving its alerts.
    expect((await signed('snooze-busy')).body.incidentId).toBe(busy.body.incidentId);

    const id = (await h.db.get<{ id: string }>("SELECT id FROM alert_snoozes WHERE dedup_key = 'snooze-noisy'"))!.id;
    const before = await web.get('/settings/webhooks');
    await web.post(`/settings/webhooks/snoozes/${id}/end`, { _csrf: hiddenField(before.html, '_csrf') });
    const loud = await signed('snooze-noisy');
    expect(loud.body.incidentId).toMatch(/^[0-9A-Z]{26}$/);

    const audit = await h.db.all<{ type: string }>(
      "SELECT type FROM audit_log WHERE type LIKE 'alert_key.%' ORDER BY seq",
    );
    expect(audit.map((a) => a.type)).toEqual(['alert_key.snoozed', 'alert_key.snoozed', 'alert_key.snooze_ended']);
  });
});
