// Requests a fuzzer or a misconfigured client sends: each gets a 4xx naming the problem,
// never a 500, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, incidentBody, startHarness, type Harness } from '../support/app-harness';
import { jsonDepth } from '../../server/json-body';

describe('odd requests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${h.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
      body,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: string } }));

  const incidentCount = async () => (await h.api('GET', '/api/incidents')).body.length as number;

  it('answers 415 for a charset it cannot read', async () => {
    const before = await incidentCount();
    const r = await post('/api/incidents', JSON.stringify(incidentBody()), {
      'content-type': 'application/json; charset=ebcdic',
    });
    expect(r.status).toBe(415);
    expect(r.body.error).toContain('charset');
    expect(await incidentCount()).toBe(before);
  });

  it('answers 4xx for a gzip header on a plain body', async () => {
    const r = await post('/api/incidents', JSON.stringify(incidentBody()), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('Content-Encoding');
  });

  it('answers 415 for an encoding it does not know', async () => {
    const r = await post('/api/incidents', JSON.stringify(incidentBody()), {
      'content-type': 'application/json',
      'content-encoding': 'br-nonsense',
    });
    expect(r.status).toBe(415);
  });

  it('answers 400 for JSON nested 50,000 deep, before parsing it', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const opened = await h.api('POST', '/api/incidents', incidentBody());
    const r = await post(`/api/incidents/${opened.body.id}/subjects`, deep, { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('nested deeper');
    const r2 = await post('/api/incidents', deep, { 'content-type': 'application/json' });
    expect(r2.status).toBe(400);
  });

  it('answers a report asked for too early as a JSON 404, not JSON labelled HTML (found by schemathesis)', async () => {
    const id = (await h.api('POST', '/api/incidents', incidentBody())).body.id as string;
    const r = await fetch(`${h.baseUrl}/api/incidents/${id}/report`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await r.json()) as { error: string }).error).toContain('no report yet');
  });

  it('counts depth outside strings only', () => {
    expect(jsonDepth(Buffer.from('{"a":[1,{"b":"[[[[\\"]]"}]}'))).toBe(3);
    expect(jsonDepth(Buffer.from('"{{{{"'))).toBe(0);
  });
});
