import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 03:00 CST in Arkansas.
const AR = (n: number, over: object = {}) => ({ affected: { 'US-AR': n }, ...over });
const IND = 'us-ar:individuals:residents';
const AG = 'us-ar:regulator:attorney-general';

describe('Ark. Code §§ 4-110-101 to -108', () => {
  it('Ark. Code 4-110-105(a): most expedient time, no day limit', () => {
    const o = find(run(AR(10)), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /4-110-105\(a\)/.test(s.fact))).toBe(true);
  });

  it('Ark. Code 4-110-105(b)(2): Attorney General when more than 1,000 (1,001), not at 1,000, within 45 days', () => {
    expect(find(run(AR(1000)), AG).required).toBe(false);
    const o = find(run(AR(1001)), AG);
    expect(o.required).toBe(true);
    // 6 March 03:00 CST + 45 days = 20 April, end of day CDT (UTC-5) → 2026-04-21T04:59:59.999Z.
    expect(o.dueAt).toBe('2026-04-21T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /4-110-105\(b\)\(2\)/.test(s.fact))).toBe(true);
  });

  it('Act 1030 of 2019: no Attorney General notice before 23 July 2019', () => {
    expect(run(AR(2000, { awarenessAt: '2019-05-01T12:00:00Z' })).some((o) => o.id === AG)).toBe(false);
  });

  it('Ark. Code 4-110-105(b)(1): a maintainer notifies the owner immediately', () => {
    const o = find(run(AR(10, { role: 'processor' })), 'us-ar:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /4-110-105\(b\)\(1\)/.test(s.fact))).toBe(true);
  });

  it('Ark. Code 4-110-105(c): a law enforcement determination delays notice without a written request', () => {
    const o = find(
      run(AR(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } })),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Ark. Code 4-110-105(d): no notice without a reasonable likelihood of harm', () => {
    expect(find(run(AR(10, { riskLevel: 'none' })), IND).required).toBe(false);
  });

  it('Ark. Code 4-110-105(e): substitute notice over $250,000 or 500,000 persons', () => {
    const sub = find(run(AR(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(250000);
    expect(sub?.peopleOver).toBe(500000);
  });

  it('Ark. Code 4-110-105: no consumer reporting agency notice', () => {
    expect(run(AR(5000)).some((o) => o.id === 'us-ar:credit_agencies:nationwide-cras')).toBe(false);
  });

  it.each([
    { el: 'health', required: true },
    { el: 'biometric', required: true },
    { el: 'health_insurance', required: false },
    { el: 'passport', required: false },
    { el: 'account_credentials', required: false },
  ])('Ark. Code 4-110-103(5), (7): $el with a name → notice required: $required', ({ el, required }) => {
    expect(find(run(AR(10, { dataElements: ['name', el] })), IND).required).toBe(required);
  });

  it('Ark. Code 4-110-103(7): biometric data not covered before Act 1030 of 2019', () => {
    expect(
      find(run(AR(10, { dataElements: ['name', 'biometric'], awarenessAt: '2019-05-01T12:00:00Z' })), IND).required,
    ).toBe(false);
  });
});
