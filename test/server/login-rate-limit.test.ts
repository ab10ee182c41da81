// Password guessing from one address is slowed twice over: the wait of each
// (account, address) pair, and a rate limit on refused login attempts that also
// covers guesses spread over many accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, logInForm, startHarness, type Harness } from '../support/app-harness';
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
    for (let i = 0; i < 21; i++)
      statuses.push(
        (await web.post('/login', { email: `guess${i}@example.org`, password: 'guessed-password-1', _csrf: csrf }))
          .status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await web.get('/login')).status).toBe(200);
  });

  it('counts only refused attempts: a team logging in from one address is never limited', async () => {
    // A harness of its own: the test above used up this address's allowance on h.
    const fresh = await startHarness();
    try {
      const people = await Promise.all(
        [0, 1, 2].map((i) => createTestUser(fresh, { email: `shift${i}@example.org`, role: 'viewer' })),
      );
      // 24 logins, more than the 20 refused attempts allowed.
      for (let round = 0; round < 8; round++) for (const p of people) await logInForm(fresh, p.email, p.password);
    } finally {
      await fresh.close();
    }
  });
});
