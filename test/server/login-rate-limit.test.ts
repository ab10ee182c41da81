// Password guessing from one address is slowed twice over: the per-account
// lockout, and a rate limit on login attempts that also covers guesses spread
// over many accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness';
import { browser, hiddenField } from '../e2e/helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('login rate limit', () => {
  it('answers 429 after 20 attempts in 15 minutes, across different accounts', async () => {
    const web = browser(h.baseUrl);
    const page = await web.get('/login');
    const csrf = hiddenField(page.html, '_csrf');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await web.post('/login', { email: `guess${i}@example.org`, password: 'guessed-password-1', _csrf: csrf })).status);
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await web.get('/login')).status).toBe(200);
  });
});
