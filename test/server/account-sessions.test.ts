// Account lists a person's web sessions and API tokens with when each was
// created and last used, marks the session looking at the page, and ends any of
// them: a session through the session store (its cookie stops working at once),
// a token by revoking it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';
import { storedSessionIds } from '../support/session-rows';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Web = Awaited<ReturnType<typeof logInForm>>;
const sidOf = (web: Web) => {
  const cookie = decodeURIComponent(web.cookies.get('bl.sid') ?? '');
  return cookie.slice(2, cookie.lastIndexOf('.'));
};
const isLoggedOut = async (web: Web) => {
  const res = await web.get('/dashboard');
  return res.status === 302 && (res.location ?? '').startsWith('/login');
};

/** The rows of the sessions table on the account page, each with its end form's action. */
function sessionRows(html: string) {
  const table = /<table[^>]*data-testid="sessions"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr data-session[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => ({
    html: m[1]!,
    current: m[1]!.includes('this session'),
    times: [...m[1]!.matchAll(/<time datetime="([^"]+)"/g)].map((t) => t[1]!),
    endAction: /<form method="post" action="([^"]+)"/.exec(m[1]!)?.[1],
  }));
}

describe('sessions and tokens on the account page', () => {
  it('lists every session with created and last-used times, marks this one, and never shows a session id', async () => {
    const u = await createTestUser(h, { email: 'lia.lists@example.org', role: 'viewer' });
    const here = await logInForm(h, u.email, u.password);
    const other = await logInForm(h, u.email, u.password);
    const page = await here.get('/account');
    expect(page.status).toBe(200);
    const rows = sessionRows(page.html);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.current)).toHaveLength(1);
    for (const row of rows) {
      expect(row.times).toHaveLength(2);
      for (const t of row.times) expect(Math.abs(Date.parse(t) - Date.now())).toBeLessThan(60_000);
      expect(row.endAction).toMatch(/^\/account\/sessions\/[A-Za-z0-9_-]+\/end$/);
    }
    // The page carries handles, not session ids: a page that leaks is not a cookie that logs in.
    expect(page.html).not.toContain(sidOf(here));
    expect(page.html).not.toContain(sidOf(other));
    expect(page.html).toMatch(/<h2[^>]*>Your API tokens<\/h2>/);
  });

  it('ending another session makes its cookie stop working, and this one keeps working', async () => {
    const u = await createTestUser(h, { email: 'eli.ends@example.org', role: 'responder' });
    const here = await logInForm(h, u.email, u.password);
    const other = await logInForm(h, u.email, u.password);
    expect(await isLoggedOut(other)).toBe(false);

    const page = await here.get('/account');
    const target = sessionRows(page.html).find((r) => !r.current)!;
    const ended = await here.post(target.endAction!, { _csrf: hiddenField(page.html, '_csrf') });
    expect(ended.status).toBe(303);
    expect(ended.location).toBe('/account');
    const after = await here.get('/account');
    expect(after.html).toContain('Session ended');
    expect(sessionRows(after.html)).toHaveLength(1);

    expect(await isLoggedOut(other)).toBe(true);
    expect(await isLoggedOut(here)).toBe(false);
    const stored = await storedSessionIds(h);
    expect(stored).toContain(sidOf(here));
    expect(stored).not.toContain(sidOf(other));
  });

  it('ending this session logs out; a form without its CSRF token or for someone else’s session ends nothing', async () => {
    const u = await createTestUser(h, { email: 'tess.this@example.org', role: 'viewer' });
    const stranger = await createTestUser(h, { email: 'sly.stranger@example.org', role: 'viewer' });
    const here = await logInForm(h, u.email, u.password);
    const theirs = await logInForm(h, stranger.email, stranger.password);
    const theirRow = sessionRows((await theirs.get('/account')).html)[0]!;

    const page = await here.get('/account');
    const csrf = hiddenField(page.html, '_csrf');
    const mine = sessionRows(page.html).find((r) => r.current)!;
    expect((await here.post(mine.endAction!, {})).status).toBe(403);
    expect((await here.post(theirRow.endAction!, { _csrf: csrf })).status).toBe(404);
    expect(await isLoggedOut(theirs)).toBe(false);
    expect(await isLoggedOut(here)).toBe(false);

    const out = await here.post(mine.endAction!, { _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.location).toBe('/login');
    expect(await isLoggedOut(here)).toBe(true);
  });

  it('revokes a token from the list, which shows created and last-used times', async () => {
    const u = await createTestUser(h, { email: 'rita.revokes@example.org', role: 'responder' });
    const web = await logInForm(h, u.email, u.password);
    const account = await web.get('/account');
    const created = await web.post('/account/tokens', { _csrf: hiddenField(account.html, '_csrf'), name: 'nightly' });
    const token = /data-testid="new-token">([^<]+)</.exec(created.html)![1]!;
    const asToken = () => h.api('GET', '/api/incidents', undefined, { authorization: `Bearer ${token}` });
    expect((await asToken()).status).toBe(200);

    const page = await web.get('/account');
    const row = /<tr>(<td>nightly<\/td>[\s\S]*?)<\/tr>/.exec(page.html)![1]!;
    expect([...row.matchAll(/<time datetime="([^"]+)"/g)]).toHaveLength(2);
    const revoke = /<form method="post" action="(\/account\/tokens\/[^"]+\/revoke)"/.exec(row)![1]!;
    expect((await web.post(revoke, { _csrf: hiddenField(page.html, '_csrf') })).status).toBe(303);
    expect((await asToken()).status).toBe(401);
  });
});
