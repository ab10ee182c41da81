// Failed logins slow down the pair (account, address) that made them, not the account:
// someone guessing from one address cannot keep the owner out from another. The app
// trusts X-Forwarded-For from loopback here (BREACHLINE_TRUST_PROXY), so one test
// process can speak from several addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from '../../app.config';
import { accountHoldMs, LOGIN_THROTTLE } from '../../server/use-cases/accounts';
import { createTestUser, startHarness, type Harness } from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { BREACHLINE_TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await h?.close();
});

/** A browser with a cookie jar whose requests arrive, through the trusted proxy, from `address`. */
function browserAt(address: string) {
  const jar = new Map<string, string>();
  const request = async (method: string, path: string, form?: Record<string, string>) => {
    const res = await fetch(`${h.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        'x-forwarded-for': address,
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
    }
    return {
      status: res.status,
      location: res.headers.get('location'),
      retryAfter: res.headers.get('retry-after'),
      html: await res.text(),
    };
  };
  return {
    get: (path: string) => request('GET', path),
    async logIn(email: string, password: string) {
      const page = await request('GET', '/login');
      return request('POST', '/login', { email, password, _csrf: hiddenField(page.html, '_csrf'), next: '/dashboard' });
    },
  };
}

/** Wrong passwords from `address` until its pair is refused; returns that refusal. */
async function hammer(address: string, email: string) {
  const attacker = browserAt(address);
  for (let i = 0; i < 10; i++) {
    const res = await attacker.logIn(email, `wrong-guess-number-${i}`);
    if (res.status === 429) return { attacker, refusal: res, failures: i };
    expect(res.status).toBe(303);
  }
  throw new Error('ten wrong passwords from one address were never refused');
}

describe('login throttling by account and address', () => {
  it('a pair hammering wrong passwords is refused with 429 and Retry-After, while the owner logs in from another address', async () => {
    const owner = await createTestUser(h, { email: 'olive.owner@example.org', role: 'approver' });
    const { attacker, refusal, failures } = await hammer('203.0.113.7', owner.email);
    expect(failures).toBe(LOGIN_THROTTLE.pair.freeFailures);
    expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
    expect(Number(refusal.retryAfter)).toBeLessThanOrEqual(Math.ceil(LOGIN_THROTTLE.pair.firstMs / 1000));

    // The pair is refused before its password is checked: even the right one.
    const rightButThrottled = await attacker.logIn(owner.email, owner.password);
    expect(rightButThrottled.status).toBe(429);
    expect(rightButThrottled.retryAfter).not.toBeNull();

    const home = browserAt('198.51.100.20');
    const ok = await home.logIn(owner.email, owner.password);
    expect(ok.status).toBe(302);
    expect(ok.location).toBe('/dashboard');
    expect((await home.get('/dashboard')).status).toBe(200);

    // The owner's success clears nothing of the attacker's pair.
    for (let i = 0; i < 3; i++) expect((await attacker.logIn(owner.email, `another-guess-${i}`)).status).toBe(429);
  });

  it('an unknown email is throttled exactly like a real one, so a 429 tells nothing about who has an account', async () => {
    const known = await createTestUser(h, { email: 'kim.known@example.org', role: 'viewer' });
    const real = await hammer('203.0.113.8', known.email);
    const unknown = await hammer('203.0.113.9', 'nobody.at.all@example.org');
    expect(unknown.failures).toBe(real.failures);
    expect(unknown.refusal.retryAfter).toBe(real.refusal.retryAfter);
  });

  it('many addresses failing on one account slow its logins down but never refuse the right password from a new address', async () => {
    const owner = await createTestUser(h, { email: 'sam.sprayed@example.org', role: 'responder' });
    const addresses = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
    let accountFailures = 0;
    for (const address of addresses) accountFailures += (await hammer(address, owner.email)).failures;
    expect(accountFailures).toBeGreaterThanOrEqual(LOGIN_THROTTLE.account.ceiling);
    const hold = accountHoldMs(accountFailures);
    expect(hold).toBeGreaterThan(0);

    const started = Date.now();
    const ok = await browserAt('198.51.100.44').logIn(owner.email, owner.password);
    expect(ok.status).toBe(302);
    expect(Date.now() - started).toBeGreaterThanOrEqual(hold - 50);
  });
});

describe('BREACHLINE_TRUST_PROXY', () => {
  const trustOf = (value: string | undefined) =>
    loadAppConfig({ BREACHLINE_DATA_DIR: '/tmp/x', ...(value === undefined ? {} : { BREACHLINE_TRUST_PROXY: value }) })
      .trustProxy;
  const problemOf = (value: string) => {
    try {
      trustOf(value);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).message;
    }
    return null;
  };

  it('is off unless set (and a hop behind an https public URL, as before), and takes hops, names and CIDR lists', () => {
    expect(trustOf(undefined)).toBe(false);
    expect(
      loadAppConfig({ BREACHLINE_DATA_DIR: '/tmp/x', BREACHLINE_PUBLIC_URL: 'https://breach.example.com' }).trustProxy,
    ).toBe(1);
    expect(trustOf('false')).toBe(false);
    expect(trustOf('1')).toBe(1);
    expect(trustOf('2')).toBe(2);
    expect(trustOf('loopback')).toEqual(['loopback']);
    expect(trustOf('loopback, 10.0.0.0/8,fd00::/8, 192.168.1.10')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.10',
    ]);
  });

  it('refuses "true" (anyone could name their own address) and anything that is not an address', () => {
    expect(problemOf('true')).toMatch(/^BREACHLINE_TRUST_PROXY: .*hop/);
    expect(problemOf('10.0.0.0/33')).toMatch(/^BREACHLINE_TRUST_PROXY: .*10\.0\.0\.0\/33/);
    expect(problemOf('proxy.example.com')).toMatch(/^BREACHLINE_TRUST_PROXY: /);
    expect(problemOf('-1')).toMatch(/^BREACHLINE_TRUST_PROXY: /);
  });
});
