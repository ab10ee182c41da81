// Pages and API answers hold people's contacts and the breach itself: browsers and proxies
// must not keep them (Cache-Control: no-store). Static assets and the public notice, which
// hold neither, stay cacheable. The favicon is a real icon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${h.baseUrl}${p}`, { headers, redirect: 'manual' });

describe('caching', () => {
  it('sends no-store on the API and the pages, and lets static files and the public notice be cached', async () => {
    const api = await get('/api/incidents', { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(api.status).toBe(200);
    expect(api.headers.get('cache-control')).toBe('no-store');
    const page = await get('/login');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const redirected = await get('/incidents');
    expect(redirected.headers.get('cache-control')).toBe('no-store');

    const css = await get('/static/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toMatch(/max-age=3600/);
    const notice = await get('/public/notices/01JNOSUCHINCIDENT000000000');
    expect(notice.headers.get('cache-control') ?? '').not.toContain('no-store');

    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(301);
    const svg = await get(icon.headers.get('location')!);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  });
});
