import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ky:individuals:residents';
const CRA = 'us-ky:credit_agencies:nationwide-cras';

describe('Ky. Rev. Stat. § 365.732', () => {
  it('Ky. Rev. Stat. 365.732(1)(c): SSN, licence or account with a name; a passport or health data is not covered', () => {
    const o = find(run({ affected: { 'US-KY': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /365\.732\(1\)\(a\), \(c\)/.test(s.fact))).toBe(true);
    for (const el of ['passport', 'health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-KY': 5 } }), IND).required).toBe(false);
  });

  it('Ky. Rev. Stat. 365.732(1)(a): unencrypted and unredacted data only; the key is not mentioned', () => {
    expect(find(run({ encrypted: true, affected: { 'US-KY': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-KY': 5 } }), IND).why).toMatch(
      /does not mention the key/,
    );
  });

  it('Ky. Rev. Stat. 365.732(1)(a), (2): no breach without identity theft or fraud; otherwise most expedient time', () => {
    expect(find(run({ affected: { 'US-KY': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-KY': 5 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /365\.732\(1\)\(a\), \(2\)/.test(s.fact))).toBe(true);
  });

  it('Ky. Rev. Stat. 365.732(7): consumer reporting agencies at 1,001 persons, not at 1,000', () => {
    expect(find(run({ affected: { 'US-KY': 1000 } }), CRA).required).toBe(false);
    const o = find(run({ affected: { 'US-KY': 1001 } }), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => !s.confirmed)).toBe(true);
  });

  it('Ky. Rev. Stat. 365.732(4): an oral law enforcement determination delays the notice', () => {
    const o = find(
      run({
        affected: { 'US-KY': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Ky. Rev. Stat. 365.732(5): substitute notice above $250,000 or 500,000 persons', () => {
    expect(find(run({ affected: { 'US-KY': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
    });
  });

  it('Ky. Rev. Stat. 365.732(3): a holder maintaining the data tells the owner immediately', () => {
    const o = find(run({ role: 'processor', affected: { 'US-KY': 5 } }), 'us-ky:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
  });
});
