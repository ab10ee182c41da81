// The API description (OpenAPI 3.1) covers every route a client or a sender can call,
// and what it says about a body is what the server enforces: a body the server
// refuses for a missing field is one the description marks as missing that field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { loadAppConfig } from '../../app.config';
import { createLogger } from '../../lib/logger';
import { OPERATIONS, openApiDocument } from '../../server/openapi';
import { routesOf } from '../support/route-walk';
import { openTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let app: Express;

beforeAll(async () => {
  t = await openTestDb(undefined, 'openapi');
  const config = loadAppConfig({ BREACHLINE_DATA_DIR: t.dir, BREACHLINE_LOG_LEVEL: 'silent', PORT: '0' });
  app = await createApp({
    db: t.db,
    gateway: null as never,
    logger: createLogger('test', 'silent'),
    config,
    mailboxEnabled: false,
  });
});
afterAll(async () => {
  await t?.drop();
});

const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

describe('/api/openapi.json', () => {
  it('describes every API, webhook and public route the app answers, and no route it does not', () => {
    const served = routesOf(app)
      .filter((r) => /^\/(api|webhooks|public)\//.test(r.path))
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const described = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(served.length).toBeGreaterThan(20);
    expect(described).toEqual(served);
  });

  it('is served without a token, as OpenAPI 3.1 with each step’s body schema', async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, any>> };
      expect(doc.openapi).toBe('3.1.0');
      const triage = doc.paths['/api/incidents/{id}/triage']!.post;
      const schema = triage.requestBody.content['application/json'].schema;
      expect(schema.properties.decision.enum).toEqual(expect.arrayContaining(['confirm', 'dismiss']));
      expect(schema.required).toContain('decision');
      expect(Object.keys(triage.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    } finally {
      server.close();
    }
  });

  it('a refused burst answers 429 as JSON, like every other API error, at the configured limit', async () => {
    const config = loadAppConfig({
      BREACHLINE_DATA_DIR: t.dir,
      BREACHLINE_LOG_LEVEL: 'silent',
      PORT: '0',
      BREACHLINE_API_RATE_LIMIT: '10',
    });
    const limited = await createApp({
      db: t.db,
      gateway: null as never,
      logger: createLogger('test', 'silent'),
      config,
      mailboxEnabled: false,
    });
    const server = limited.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as { port: number };
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 11; i++) {
        last = await fetch(`http://127.0.0.1:${port}/api/incidents`);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(last!.status).toBe(429);
      expect(last!.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await last!.json()) as { error: string }).error).toMatch(/too many requests/);
    } finally {
      server.close();
    }
  });

  it('marks required what the server requires: opening an incident without a title is refused', () => {
    const open = (openApiDocument().paths as Record<string, any>)['/api/incidents'].post;
    expect(open.requestBody.content['application/json'].schema.required).toContain('title');
  });
});
