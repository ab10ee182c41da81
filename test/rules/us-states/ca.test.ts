import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 01:00 PST on 6 March in California.
const CA = (n: number, over: object = {}) => ({ affected: { 'US-CA': n }, ...over });
const IND = 'us-ca:individuals:residents';
const AG = 'us-ca:regulator:attorney-general';

describe('Cal. Civ. Code § 1798.82', () => {
  it('Cal. Civ. Code 1798.82(a)(2) (SB 446): 30 calendar days of discovery', () => {
    const o = find(run(CA(10)), IND);
    // 6 March 01:00 PST + 30 days = 5 April, end of day PDT (UTC-7) → 2026-04-06T06:59:59.999Z.
    expect(o.dueAt).toBe('2026-04-06T06:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /1798\.82\(a\)\(2\)/.test(s.fact))).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(a) before SB 446: most expedient time, no day limit', () => {
    expect(find(run(CA(10, { awarenessAt: '2025-06-01T12:00:00Z' })), IND).dueAt).toBeNull();
  });

  it('Cal. Civ. Code 1798.82(a)(1): encrypted data counts when the key was acquired', () => {
    expect(find(run(CA(10, { encrypted: true })), IND).required).toBe(false);
    expect(find(run(CA(10, { encrypted: true, keyCompromised: true })), IND).required).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(a): no risk-of-harm exemption', () => {
    expect(find(run(CA(10, { riskLevel: 'none' })), IND).required).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(b): a maintainer notifies the owner immediately', () => {
    const o = find(run(CA(10, { role: 'processor' })), 'us-ca:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /1798\.82\(b\)/.test(s.fact))).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(c): a law enforcement determination delays notice without a written request', () => {
    const o = find(
      run(CA(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } })),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(f): Attorney General sample copy at 501 residents, not at 500', () => {
    expect(find(run(CA(500)), AG).required).toBe(false);
    expect(find(run(CA(501)), AG).required).toBe(true);
  });

  it('Cal. Civ. Code 1798.82(d): the notice is titled "Notice of Data Breach" and offers credit monitoring for SSNs', () => {
    const o = find(run(CA(10)), IND);
    expect(o.content).toEqual(expect.arrayContaining(['notice_title', 'credit_monitoring_offer']));
  });

  it('Cal. Civ. Code 1798.82(j)(3): substitute notice over $250,000 or 500,000 persons', () => {
    const sub = find(run(CA(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(250000);
    expect(sub?.peopleOver).toBe(500000);
  });

  it.each([
    { el: 'tax_id', at: '2026-03-06T09:00:00Z', required: true },
    { el: 'government_id', at: '2026-03-06T09:00:00Z', required: true },
    { el: 'biometric', at: '2026-03-06T09:00:00Z', required: true },
    { el: 'genetic', at: '2026-03-06T09:00:00Z', required: true },
    { el: 'genetic', at: '2021-06-01T12:00:00Z', required: false },
    { el: 'biometric', at: '2019-06-01T12:00:00Z', required: false },
    { el: 'health_insurance', at: '2019-06-01T12:00:00Z', required: true },
  ])('Cal. Civ. Code 1798.82(h): $el with a name on $at → required: $required', ({ el, at, required }) => {
    expect(find(run(CA(10, { dataElements: ['name', el], awarenessAt: at })), IND).required).toBe(required);
  });
});
