import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-in:individuals:residents';
const AG = 'us-in:regulator:attorney-general';
const CRA = 'us-in:credit_agencies:nationwide-cras';

describe('Ind. Code §§ 24-4.9', () => {
  it('Ind. Code 24-4.9-2-10(1): a Social Security number counts without a name', () => {
    const o = find(run({ dataElements: ['national_id'], affected: { 'US-IN': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /24-4\.9-2-10/.test(s.fact))).toBe(true);
    expect(find(run({ dataElements: ['drivers_license'], affected: { 'US-IN': 5 } }), IND).required).toBe(false);
  });

  it('Ind. Code 24-4.9-2-10(2): passport, health data and online credentials are not covered', () => {
    for (const el of ['passport', 'health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-IN': 5 } }), IND).required).toBe(false);
  });

  it('Ind. Code 24-4.9-3-1(a)(2): encrypted data acquired with access to the key must be disclosed', () => {
    expect(find(run({ encrypted: true, affected: { 'US-IN': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-IN': 5 } }), IND).required).toBe(true);
  });

  it('Ind. Code 24-4.9-3-1(a): no disclosure when identity deception, theft or fraud could not result', () => {
    const o = find(run({ affected: { 'US-IN': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/identity deception/);
  });

  it('Ind. Code 24-4.9-3-3(a) as amended by P.L.171-2022: 45 days after discovery', () => {
    const o = find(run({ affected: { 'US-IN': 5 } }), IND);
    // 6 March 04:00 EST + 45 days = 20 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /45 days/.test(s.fact))).toBe(true);
  });

  it('Ind. Code 24-4.9-3-3(a) before P.L.171-2022 (2022-07-01): without unreasonable delay, no fixed days', () => {
    expect(find(run({ affected: { 'US-IN': 5 }, awarenessAt: '2022-03-01T15:00:00Z' }), IND).dueAt).toBeNull();
  });

  it('Ind. Code 24-4.9-3-1(c): the Attorney General for any resident disclosure', () => {
    const o = find(run({ affected: { 'US-IN': 1 } }), AG);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /24-4\.9-3-1\(c\)/.test(s.fact))).toBe(true);
  });

  it('Ind. Code 24-4.9-3-1(b): consumer reporting agencies at 1,001 consumers, not at 1,000', () => {
    expect(find(run({ affected: { 'US-IN': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-IN': 1001 } }), CRA).required).toBe(true);
  });

  it('Ind. Code 24-4.9-3-3(a)(3): an oral request of law enforcement delays the disclosure', () => {
    const o = find(
      run({
        affected: { 'US-IN': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Ind. Code 24-4.9-3-2: a person maintaining the data notifies the owner', () => {
    const o = find(run({ role: 'processor', affected: { 'US-IN': 5 } }), 'us-in:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /24-4\.9-3-2/.test(s.fact))).toBe(true);
  });
});

describe('Ind. Code § 24-4.9-3-4', () => {
  it('Ind. Code 24-4.9-3-4(b): substitute notice above $250,000 or 500,000 residents, with no contact-information ground', () => {
    const o = find(run({ affected: { 'US-IN': 5 } }), 'us-in:individuals:residents');
    expect(o.substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: false,
      basis: 'Ind. Code § 24-4.9-3-4(b)',
    });
    expect(o.sources?.some((s) => s.confirmed && /24-4\.9-3-4/.test(s.fact))).toBe(true);
  });
});
