import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';

const CA = (n: number) => ({ affected: { 'US-CA': n } });

describe('California (us-ca)', () => {
  it.each([
    {
      name: '1798.82(a) as amended 2026: 30 calendar days from discovery, ending on a Pacific calendar day',
      over: { ...CA(600), discoveredAt: '2026-03-06T07:30:00Z' },
      dueAt: '2026-04-05T06:59:59.999Z',
    },
    {
      name: '1798.82(a) before 2026: most expedient time, no outer limit',
      over: { ...CA(600), awarenessAt: '2025-06-01T12:00:00Z' },
      dueAt: null,
    },
    {
      name: '1798.82(a) as amended 2026: across a DST change the day still ends at local midnight',
      over: { ...CA(600), awarenessAt: '2026-02-20T18:00:00Z' },
      dueAt: '2026-03-23T06:59:59.999Z',
    },
  ])('$name', ({ over, dueAt }) => {
    const o = find(run(over), 'us-ca:individuals:residents');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe(dueAt);
  });

  it.each([
    { name: '1798.82(f): Attorney General not notified at 500 residents', n: 500, required: false },
    { name: '1798.82(f): Attorney General sample notice at 501 residents', n: 501, required: true },
  ])('$name', ({ n, required }) => {
    expect(find(run(CA(n)), 'us-ca:regulator:attorney-general').required).toBe(required);
  });

  it('1798.82(f) as amended 2026: dueAt null until the individual notice is sent, then 15 days from it', () => {
    expect(find(run(CA(600)), 'us-ca:regulator:attorney-general').dueAt).toBeNull();
    const sent = run({
      ...CA(600),
      noticesSent: [{ regime: 'us-ca', audience: 'individuals', at: '2026-03-20T17:00:00Z' }],
    });
    expect(find(sent, 'us-ca:regulator:attorney-general').dueAt).toBe('2026-04-05T06:59:59.999Z');
  });

  it('1798.82(a): encrypted with the key safe needs no notice; a compromised key does', () => {
    expect(find(run({ ...CA(600), encrypted: true }), 'us-ca:individuals:residents').required).toBe(false);
    expect(
      find(run({ ...CA(600), encrypted: true, keyCompromised: true }), 'us-ca:individuals:residents').required,
    ).toBe(true);
  });

  it('1798.82(h): username with password counts alone, email alone does not', () => {
    expect(
      find(run({ ...CA(10), dataElements: ['account_credentials'] }), 'us-ca:individuals:residents').required,
    ).toBe(true);
    expect(find(run({ ...CA(10), dataElements: ['name', 'email'] }), 'us-ca:individuals:residents').required).toBe(
      false,
    );
  });

  it('1798.82: no risk-of-harm exemption in California', () => {
    expect(find(run({ ...CA(10), riskLevel: 'none' }), 'us-ca:individuals:residents').required).toBe(true);
  });

  it('1798.82(c): a law enforcement hold holds the notice; release pauses the clock for the held time', () => {
    const held = find(
      run({ ...CA(600), lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: null } }),
      'us-ca:individuals:residents',
    );
    expect(held.holdMayDelay).toBe(true);
    expect(held.dueAt).toBeNull();
    expect(held.why).toMatch(/Held since/);
    const released = find(
      run({
        ...CA(600),
        lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: '2026-03-20T00:00:00Z' },
      }),
      'us-ca:individuals:residents',
    );
    expect(released.dueAt).toBe('2026-04-16T06:59:59.999Z');
  });

  it("1798.82(c): the company's own hold does not delay, and the why says so", () => {
    const o = find(
      run({
        ...CA(600),
        lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: null, source: 'company' },
      }),
      'us-ca:individuals:residents',
    );
    expect(o.holdMayDelay).toBe(false);
    expect(o.dueAt).toBe('2026-04-06T06:59:59.999Z');
    expect(o.why).toMatch(/law enforcement request/);
  });

  it('1798.82(b): a processor tells the owner immediately', () => {
    const list = run({ ...CA(600), role: 'processor' }).filter((o) => o.regime === 'us-ca');
    expect(list.map((o) => o.id)).toEqual(['us-ca:controller:owner']);
  });
});
