import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-oh:individuals:residents';
const CRA = 'us-oh:credit_agencies:nationwide-cras';

describe('Ohio Rev. Code §§ 1349.19-.192', () => {
  it('Ohio Rev. Code 1349.19(A)(1)(a): no breach without a material risk of identity theft or other fraud', () => {
    expect(find(run({ affected: { 'US-OH': 3 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-OH': 3 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /1349\.19\(A\)\(1\)\(a\)/.test(s.fact))).toBe(true);
  });

  it('Ohio Rev. Code 1349.19(B)(2) (chart words): residents within 45 days of discovery', () => {
    // 6 March 04:00 EST + 45 days = 20 April, end of day EDT (UTC-4) → 2026-04-21T03:59:59.999Z.
    expect(find(run({ affected: { 'US-OH': 3 } }), IND).dueAt).toBe('2026-04-21T03:59:59.999Z');
  });

  it('Ohio Rev. Code 1349.19(A)(7) (charts): only the baseline elements count', () => {
    for (const e of ['passport', 'biometric', 'health', 'account_credentials'])
      expect(find(run({ affected: { 'US-OH': 3 }, dataElements: ['name', e] }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-OH': 3 }, dataElements: ['name', 'drivers_license'] }), IND).required).toBe(true);
  });

  it('Ohio Rev. Code 1349.19(A)(7) (charts): the key is not mentioned, so a compromised key is treated as unencrypted', () => {
    expect(find(run({ affected: { 'US-OH': 3 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-OH': 3 }, encrypted: true, keyCompromised: true }), IND).why).toMatch(
      /does not mention the key/,
    );
  });

  it('Ohio Rev. Code 1349.19(G) (chart value): consumer reporting agencies at 1,001, not 1,000', () => {
    expect(find(run({ affected: { 'US-OH': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-OH': 1001 } }), CRA).required).toBe(true);
  });

  it('Ohio Rev. Code 1349.19: no state regulator notice', () => {
    expect(run({ affected: { 'US-OH': 100000 } }).some((o) => o.id.startsWith('us-oh:regulator'))).toBe(false);
  });

  it('Ohio Rev. Code 1349.19(E)(4) (chart values): substitute notice above $250,000 or 500,000 residents', () => {
    expect(find(run({ affected: { 'US-OH': 3 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
    });
  });
});
