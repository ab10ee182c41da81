// The Temporal Web UI's remote codec: Temporal holds ciphertext, and /codec/decode opens it for an
// admin (by session or API token), for the UI's origin only (CORS), and for nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from '@temporalio/common';
import { ENCRYPTED_ENCODING } from '../../lib/payload-codec';
import {
  createTestUser,
  incidentBody,
  logInForm,
  startHarness,
  TEMPORAL_UI_ORIGIN,
  type Harness,
} from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const cookiesOf = (web: { cookies: Map<string, string> }) => [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const wire = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

describe('/codec/decode', () => {
  it('opens the ciphertext of an incident history for an admin, from the Web UI origin only', async () => {
    const created = await h.api('POST', '/api/incidents', incidentBody({}));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const history = await h.client.workflow.getHandle(`incident-${id}`).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(input.data!).toString('latin1')).not.toContain(id);
    const body = JSON.stringify({ payloads: [wire(input)] });

    const admin = await createTestUser(h, { email: 'cody.codec@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const res = await fetch(`${h.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: TEMPORAL_UI_ORIGIN,
        'x-namespace': 'default',
        cookie: cookiesOf(web),
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    const [opened] = ((await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] })
      .payloads;
    expect(Buffer.from(opened!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(Buffer.from(opened!.data, 'base64').toString()).toContain(id);

    // An API token works too (a proxy in front of the UI can add one).
    const byToken = await h.api('POST', '/codec/decode', JSON.parse(body));
    expect(byToken.status).toBe(200);

    const preflight = await fetch(`${h.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: TEMPORAL_UI_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-namespace');
    const elsewhere = await fetch(`${h.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses anyone but an admin, and names what is wrong with a bad body', async () => {
    const responder = await createTestUser(h, { email: 'rhea.responder@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${h.baseUrl}/codec/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const ok = JSON.stringify({ payloads: [] });
    expect((await post({}, ok)).status).toBe(401);
    expect((await post({ cookie: cookiesOf(web) }, ok)).status).toBe(403);
    const bad = await h.api('POST', '/codec/decode', { payloads: [{ metadata: { encoding: 'not base64!' } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toMatch(/^payloads/);
  });
});
