// The alert webhook's plain POSTs are served by its own handlers without Express's router
// (server/webhooks/alert-fast-path.ts); compressed, chunked and oversized bodies and every other
// route still go through Express. Both ways must answer alike: same status, JSON, headers, limits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/errors';
import { serveAlertsBeforeRouter } from '../../server/webhooks/alert-fast-path';
import { signPayload, SIGNATURE_HEADER } from '../../server/webhooks/signature';
import { startHarness, WEBHOOK_SECRET, type Harness } from '../support/app-harness';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A POST with its length declared (the fast path), or sent chunked (Express's way). */
function postRaw(base: string, urlPath: string, body: string, headers: Record<string, string>, chunked: boolean) {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(urlPath, base);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers: chunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (chunked) req.write(body.slice(0, 1));
    req.end(chunked ? body.slice(1) : body);
  });
}

describe('the fast path itself', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    const seen: express.RequestHandler = (req, res) => {
      // req.route is set by Express's router only: it tells which way the request came.
      res.status(202).json({ viaRouter: Boolean(req.route), source: req.params.source, body: String(req.body) });
    };
    app.post('/webhooks/alerts/:source', express.raw({ type: () => true, limit: 64 }), seen);
    app.post('/webhooks/other', (_req, res) => void res.status(204).end());
    const onError = errorHandler({ error: () => undefined, warn: () => undefined } as never);
    app.use(onError);
    serveAlertsBeforeRouter(app, { before: [], afterBody: [seen], limit: 64, onError });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves a plain POST without the router, with the decoded source, and leaves the rest to Express', async () => {
    const fast = await postRaw(base, '/webhooks/alerts/a%20b?x=1', 'hello', {}, false);
    expect(fast.status).toBe(202);
    expect(JSON.parse(fast.body)).toEqual({ viaRouter: false, source: 'a b', body: 'hello' });
    const chunked = await postRaw(base, '/webhooks/alerts/a%20b', 'hello', {}, true);
    expect(JSON.parse(chunked.body)).toEqual({ viaRouter: true, source: 'a b', body: 'hello' });
    // Over the limit: Express reads it and refuses it, as before.
    expect((await postRaw(base, '/webhooks/alerts/a', 'x'.repeat(65), {}, false)).status).toBe(413);
    expect((await postRaw(base, '/webhooks/other', '', {}, false)).status).toBe(204);
  });
});

describe('the alert webhook served both ways', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ forwarder: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  const signed = (body: string, t = Math.floor(Date.now() / 1000)) => ({
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signPayload(WEBHOOK_SECRET, body, t),
  });
  /** What must not differ between the two ways (Date and the ids in a 202 naturally do). */
  const shape = (a: Answer) => ({
    status: a.status,
    cacheControl: a.headers['cache-control'],
    contentType: a.headers['content-type'],
    retryAfter: a.headers['retry-after'],
    rateLimitPolicy: a.headers['ratelimit-policy'],
    keys: Object.keys(JSON.parse(a.body) as object).sort(),
  });

  it('answers an accepted alert, a replay, a bad signature and a malformed body alike', async () => {
    for (const chunked of [false, true]) {
      const body = JSON.stringify({
        dedupKey: `both-${chunked}-${Date.now()}`,
        summary: 'Both ways',
        severity: 'high',
      });
      const headers = signed(body);
      const accepted = await postRaw(h.baseUrl, '/webhooks/alerts/monitor', body, headers, chunked);
      expect(accepted.status, accepted.body).toBe(202);
      const replayed = await postRaw(h.baseUrl, '/webhooks/alerts/monitor', body, headers, chunked);
      expect(JSON.parse(replayed.body)).toEqual({ ...JSON.parse(accepted.body), replayed: true });
      const bad = await postRaw(h.baseUrl, '/webhooks/alerts/monitor', body, signed(`${body} `), chunked);
      const malformed = await postRaw(h.baseUrl, '/webhooks/alerts/monitor', '{"no', signed('{"no'), chunked);
      const unknown = await postRaw(h.baseUrl, '/webhooks/alerts/nobody', body, headers, chunked);
      expect(
        [accepted, replayed, bad, malformed, unknown].map(shape),
        chunked ? 'through Express' : 'fast path',
      ).toEqual([
        expect.objectContaining({ status: 202, cacheControl: 'no-store', keys: ['alertId', 'incidentId'] }),
        expect.objectContaining({ status: 202, cacheControl: 'no-store' }),
        expect.objectContaining({ status: 401, cacheControl: 'no-store', keys: ['error', 'field'] }),
        expect.objectContaining({ status: 400, cacheControl: 'no-store', keys: ['error', 'field'] }),
        expect.objectContaining({ status: 401, cacheControl: 'no-store', keys: ['error', 'field'] }),
      ]);
    }
  });

  it('gives the same answers, headers and error texts included, for the same requests either way', async () => {
    const answers: Record<string, unknown[]> = {};
    for (const chunked of [false, true]) {
      const body = JSON.stringify({ dedupKey: `same-${chunked}-${Date.now()}`, summary: 'Same', severity: 'low' });
      const seq = [
        await postRaw(h.baseUrl, '/webhooks/alerts/monitor', body, signed(body), chunked),
        await postRaw(h.baseUrl, '/webhooks/alerts/monitor', body, signed(`${body} `), chunked),
        await postRaw(h.baseUrl, '/webhooks/alerts/monitor', '[]', signed('[]'), chunked),
      ];
      // A 202 names this request's own alert and incident; an error's text must match word for word.
      answers[chunked ? 'express' : 'fast'] = seq.map((a) => ({ ...shape(a), body: a.status === 202 ? null : a.body }));
    }
    expect(answers.fast).toEqual(answers.express);
  });
});
