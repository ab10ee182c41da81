// Walks the Express router of the real app and proves two things for every
// route: an anonymous request is refused (except the login page, /healthz, the
// public notice and the signed webhooks), and a state-changing form without a
// valid CSRF token is refused. A route added later is covered without editing
// this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, logInForm, openAndConfirm, startHarness, type Harness } from '../support/app-harness';
import { createApp } from '../../server/app';
import { loadAppConfig } from '../../app.config';
import { createLogger } from '../../lib/logger';
import { routesOf, type RouteInfo } from '../support/route-walk';

const PUBLIC = [
  /^GET \/login$/,
  /^POST \/login$/,
  /^GET \/healthz$/,
  /^GET \/api\/openapi\.json$/,
  /^GET \/favicon\.ico$/,
  /^GET \/public\//,
  /^POST \/webhooks\//,
];

let h: Harness;
let routes: RouteInfo[];
let incidentId: string;
const fill = (p: string) => p.replace(':id', incidentId).replace(/:[A-Za-z]+/g, 'x0');

beforeAll(async () => {
  h = await startHarness();
  incidentId = await openAndConfirm(h);
  // A second app instance over the same database, only to read its router table.
  const config = loadAppConfig({ BREACHLINE_DATA_DIR: h.dataDir, BREACHLINE_LOG_LEVEL: 'silent', PORT: '0' });
  const app = await createApp({
    db: h.db,
    gateway: null as never,
    logger: createLogger('test', 'silent'),
    config,
    mailboxEnabled: true,
  });
  routes = routesOf(app);
});
afterAll(async () => {
  await h?.close();
});

describe('route table', () => {
  it('finds the routes of every router, so the checks below are not vacuous', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /api/incidents/:id/approval',
      'POST /incidents/:id/approval',
      'POST /settings/users',
      'GET /register.csv',
      'POST /webhooks/alerts/:source',
      'GET /dashboard',
    ]) {
      expect(keys).toContain(expected);
    }
    expect(routes.length).toBeGreaterThan(50);
  });

  it('refuses an anonymous request on every route but the login page, /healthz, the public notice and the signed webhooks', async () => {
    const refused: string[] = [];
    const open: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      if (PUBLIC.some((p) => p.test(key))) continue;
      const res = await fetch(`${h.baseUrl}${fill(r.path)}`, {
        method: r.method,
        redirect: 'manual',
        headers: r.method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
        body: r.method === 'GET' ? undefined : 'x=1',
      });
      await res.arrayBuffer();
      const toLogin = res.status === 302 && (res.headers.get('location') ?? '').startsWith('/login');
      if (res.status === 401 || res.status === 403 || toLogin) refused.push(key);
      else open.push(`${key} -> ${res.status}`);
    }
    expect(open).toEqual([]);
    expect(refused.length).toBeGreaterThan(40);
  });

  it('refuses every state-changing form without a valid CSRF token, even from a logged-in admin', async () => {
    const admin = await createTestUser(h, { email: 'csrf.admin@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const forms = routes.filter(
      (r) => r.method !== 'GET' && !r.path.startsWith('/api/') && !r.path.startsWith('/webhooks/'),
    );
    expect(forms.length).toBeGreaterThan(15);
    const accepted: string[] = [];
    for (const r of forms) {
      for (const token of [undefined, 'forged-token']) {
        const res = await web.post(fill(r.path), token === undefined ? { reason: 'x' } : { reason: 'x', _csrf: token });
        if (res.status !== 403) accepted.push(`${r.method} ${r.path} (${token ?? 'no token'}) -> ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    // The same session with its real token gets through the CSRF check (to a validation error here).
    const page = await web.get(`/incidents/${incidentId}`);
    expect(page.status).toBe(200);
  });

  it('refuses the multipart import without a CSRF token before reading the file', async () => {
    const admin = await createTestUser(h, { email: 'csrf.upload@example.org', role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const body = new FormData();
    body.append('file', new Blob(['name,email\nA Person,a.person@example.com\n'], { type: 'text/csv' }), 'people.csv');
    const res = await fetch(`${h.baseUrl}/incidents/${incidentId}/subjects`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(403);
    const stored = await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ?', [
      incidentId,
    ]);
    expect(stored!.n).toBe(0);
  });
});
