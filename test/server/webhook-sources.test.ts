// Webhook sources created in the UI: the secret is shown once, stored sealed
// (AES-256-GCM under BREACHLINE_SECRETS_KEY), accepted by the signed webhook
// route next to the environment's sources, and after a rotation the old secret
// keeps working for 24 hours only.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, logInForm, startHarness, WEBHOOK_SECRET, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';
import { signPayload, SIGNATURE_HEADER } from '../../server/webhooks/signature';
import { createSource, secretsFor } from '../../server/use-cases/webhook-sources';
import { runBin } from '../support/run-bin';
import { loadSample } from './alert-adapters/load-sample';

const KEY = randomBytes(32);
let h: Harness;

beforeAll(async () => {
  // With a key set, admins must log in with a second factor by default; these tests are about webhook secrets.
  h = await startHarness({ env: { BREACHLINE_SECRETS_KEY: KEY.toString('base64'), BREACHLINE_MFA_ROLES: 'none' } });
});
afterAll(async () => {
  await h?.close();
});

async function post(source: string, secret: string, dedupKey: string) {
  const body = JSON.stringify({ dedupKey, summary: `Alert ${dedupKey}`, severity: 'high' });
  const res = await fetch(`${h.baseUrl}/webhooks/alerts/${source}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signPayload(secret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

describe('webhook sources made in the settings page', () => {
  it('show the secret once, keep it sealed, and verify alerts signed with it', async () => {
    const admin = await createTestUser(h, { email: 'wes.webhooks@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const page = await web.get('/settings/webhooks');
    expect(page.html).toContain('environment (read-only)');
    expect(page.html).toContain('<code>monitor</code>');
    const created = await web.post('/settings/webhooks', { _csrf: hiddenField(page.html, '_csrf'), name: 'siem' });
    expect(created.status).toBe(201);
    const secret = /data-testid="webhook-secret">([^<]+)</.exec(created.html)![1]!;
    expect((await web.get('/settings/webhooks')).html).not.toContain(secret);
    const stored = await h.db.get<{ secret_enc: string }>("SELECT secret_enc FROM webhook_sources WHERE name = 'siem'");
    expect(stored!.secret_enc).not.toContain(secret);
    expect(stored!.secret_enc.startsWith('v1.')).toBe(true);

    const accepted = await post('siem', secret, 'siem-1');
    expect(accepted.status, accepted.body).toBe(202);
    expect((await post('siem', 'whsec_wrong-secret-0123456789', 'siem-2')).status).toBe(401);
    expect((await post('monitor', WEBHOOK_SECRET, 'env-1')).status).toBe(202);
    expect((await web.get('/settings/webhooks')).html).toMatch(/<code>siem<\/code>[\s\S]*?<time datetime="20/);

    const again = await web.get('/settings/webhooks');
    const rotated = await web.post('/settings/webhooks/siem/rotate', { _csrf: hiddenField(again.html, '_csrf') });
    const newSecret = /data-testid="webhook-secret">([^<]+)</.exec(rotated.html)![1]!;
    expect(newSecret).not.toBe(secret);
    expect((await post('siem', secret, 'siem-3')).status).toBe(202);
    expect((await post('siem', newSecret, 'siem-4')).status).toBe(202);
    const tomorrow = Date.now() + 24 * 3600_000 + 1000;
    expect(await secretsFor(h.db, new Map(), { current: KEY, previous: [] }, 'siem', tomorrow)).toEqual([newSecret]);
    expect(await secretsFor(h.db, new Map(), { current: randomBytes(32), previous: [] }, 'siem')).toEqual([]);
    const audit = await h.db.all<{ type: string; actor: string }>(
      "SELECT type, actor FROM audit_log WHERE type LIKE 'webhook_source.%'",
    );
    expect(audit).toEqual([
      { type: 'webhook_source.created', actor: `user:${admin.id}` },
      { type: 'webhook_source.rotated', actor: `user:${admin.id}` },
    ]);
  });
});

describe('changing BREACHLINE_SECRETS_KEY', () => {
  // The app's database as the harness gives it to scripts, but the keys only as each call names them.
  const reseal = (env: Record<string, string>) => {
    const database = Object.entries(h.env).filter(([name]) => name !== 'BREACHLINE_SECRETS_KEY');
    return runBin('bin/secrets-reseal.ts', [], {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...Object.fromEntries(database),
      BREACHLINE_LOG_LEVEL: 'silent',
      ...env,
    });
  };

  it('keeps old secrets opening under the previous key, and secrets:reseal moves them to the new one', async () => {
    const secret = await createSource(
      h.db,
      new Set(),
      KEY,
      { name: 'rotating-key', format: 'generic', authType: 'hmac', username: null, secret: null, groupBy: null },
      { kind: 'system', id: 'test' },
    );
    const NEW = randomBytes(32);
    const b64 = (k: Buffer) => k.toString('base64');
    expect(await secretsFor(h.db, new Map(), { current: NEW, previous: [] }, 'rotating-key')).toEqual([]);
    expect(await secretsFor(h.db, new Map(), { current: NEW, previous: [KEY] }, 'rotating-key')).toEqual([secret]);
    const before = await h.db.all<{ name: string; secret_enc: string }>(
      'SELECT name, secret_enc FROM webhook_sources ORDER BY name',
    );

    // A key that opens nothing: every source is named, and nothing is rewritten.
    const wrong = await reseal({ BREACHLINE_SECRETS_KEY: b64(randomBytes(32)) });
    expect(wrong.code, wrong.out).toBe(1);
    expect(wrong.out).toContain('rotating-key');
    expect(await h.db.all('SELECT name, secret_enc FROM webhook_sources ORDER BY name')).toEqual(before);

    const moved = await reseal({
      BREACHLINE_SECRETS_KEY: b64(NEW),
      BREACHLINE_SECRETS_KEY_PREVIOUS: `${b64(randomBytes(32))},${b64(KEY)}`,
    });
    expect(moved.code, moved.out).toBe(0);
    expect(moved.out).toMatch(/Sealed \d+ stored secret\(s\) again/);
    expect(moved.out).not.toContain(secret);
    expect(await secretsFor(h.db, new Map(), { current: NEW, previous: [] }, 'rotating-key')).toEqual([secret]);
    expect(await secretsFor(h.db, new Map(), { current: KEY, previous: [] }, 'rotating-key')).toEqual([]);
    expect((await reseal({ BREACHLINE_SECRETS_KEY: b64(NEW) })).code).toBe(0);
    const audit = await h.db.get<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE type = 'secrets.resealed' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit!.actor).toBe('system:cli:secrets-reseal');

    const noCurrent = await reseal({ BREACHLINE_SECRETS_KEY_PREVIOUS: b64(KEY) });
    expect(noCurrent.code).toBe(2);
    expect(noCurrent.out).toContain('BREACHLINE_SECRETS_KEY is required when BREACHLINE_SECRETS_KEY_PREVIOUS is set');
    const badPrevious = await reseal({ BREACHLINE_SECRETS_KEY: b64(NEW), BREACHLINE_SECRETS_KEY_PREVIOUS: 'short' });
    expect(badPrevious.code).toBe(2);
    expect(badPrevious.out).toContain('BREACHLINE_SECRETS_KEY_PREVIOUS');
  }, 120_000);
});

describe('without BREACHLINE_SECRETS_KEY', () => {
  it('says why sources cannot be made here and refuses to make one', async () => {
    const bare = await startHarness();
    try {
      const admin = await createTestUser(bare, { email: 'nokey.admin@example.org', role: 'admin' });
      const web = await logInForm(bare, admin.email, admin.password);
      const page = await web.get('/settings/webhooks');
      expect(page.html).toContain('Set BREACHLINE_SECRETS_KEY');
      expect(page.html).not.toContain('Create source');
      const refused = await web.post('/settings/webhooks', { _csrf: hiddenField(page.html, '_csrf'), name: 'siem' });
      expect(refused.status).toBe(303);
      expect((await web.get('/settings/webhooks')).html).toContain('Set BREACHLINE_SECRETS_KEY');
      expect(await bare.db.get('SELECT name FROM webhook_sources')).toBeUndefined();
    } finally {
      await bare.close();
    }
  });
});

describe('sources for monitoring tools made in the settings page', () => {
  it('take a bearer token made and shown once, speak the tool format, and keep the old token for a day after rotation', async () => {
    const admin = await createTestUser(h, { email: 'tom.tools@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const form = async (path: string, fields: Record<string, string>) =>
      web.post(path, { _csrf: hiddenField((await web.get('/settings/webhooks')).html, '_csrf'), ...fields });

    const noUser = await form('/settings/webhooks', { name: 'grafana-basic', format: 'grafana', authType: 'basic' });
    expect(noUser.status).toBe(303);
    expect((await web.get('/settings/webhooks')).html).toContain('Not saved (username)');
    const badFormat = await form('/settings/webhooks', { name: 'mapped', format: 'json-mapping' });
    expect(badFormat.status).toBe(303);
    expect((await web.get('/settings/webhooks')).html).toContain('Not saved (format)');

    const created = await form('/settings/webhooks', { name: 'prom-ui', format: 'alertmanager', authType: 'bearer' });
    expect(created.status).toBe(201);
    expect(created.html).toContain('Authorization: Bearer');
    const token = /data-testid="webhook-secret">([^<]+)</.exec(created.html)![1]!;
    expect((await web.get('/settings/webhooks')).html).toMatch(
      /data-testid="source-kind-prom-ui">alertmanager, bearer/,
    );

    const group = loadSample('alertmanager-v4-firing.json');
    const send = async (bearer: string, fingerprint: string) => {
      const body = JSON.stringify({ ...group, alerts: group.alerts!.map((a) => ({ ...a, fingerprint })) });
      const res = await fetch(`${h.baseUrl}/webhooks/alerts/prom-ui`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const first = await send(token, 'aa00000000000001');
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body.incidentId).toMatch(/^[0-9A-Z]{26}$/);
    expect((await send('brl_not-the-token-0123456789', 'aa00000000000002')).status).toBe(401);

    const rotated = await form('/settings/webhooks/prom-ui/rotate', {});
    const newToken = /data-testid="webhook-secret">([^<]+)</.exec(rotated.html)![1]!;
    expect(newToken).not.toBe(token);
    expect((await send(token, 'aa00000000000003')).status).toBe(202);
    expect((await send(newToken, 'aa00000000000004')).status).toBe(202);

    const sentry = await form('/settings/webhooks', {
      name: 'sentry-ui',
      format: 'sentry',
      authType: 'hmac-sentry',
      secret: 'sentry-client-secret-from-sentry-0123',
    });
    expect(sentry.status).toBe(201);
    expect(sentry.html).not.toContain('sentry-client-secret-from-sentry-0123');
    const stored = await h.db.get<{ secret_enc: string }>(
      "SELECT secret_enc FROM webhook_sources WHERE name = 'sentry-ui'",
    );
    expect(stored!.secret_enc).not.toContain('sentry-client-secret');
  });
});
