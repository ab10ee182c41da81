import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-mo:individuals:residents';

describe('Mo. Rev. Stat. § 407.1500', () => {
  it.each([
    { el: 'health', covered: true },
    { el: 'health_insurance', covered: true },
    { el: 'passport', covered: true },
    { el: 'government_id', covered: true },
    { el: 'national_id', covered: true },
    { el: 'biometric', covered: false },
    { el: 'account_credentials', covered: false },
  ])('Mo. Rev. Stat. 407.1500.1(9): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MO': 5 } }), IND).required).toBe(covered);
  });

  it('Mo. Rev. Stat. 407.1500.1(4)-(6): the definitions are a confirmed source', () => {
    const o = find(run({ affected: { 'US-MO': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /407\.1500\.1\(1\), \(4\)-\(6\)/.test(s.fact))).toBe(true);
  });

  it('Mo. Rev. Stat. 407.1500.1(4): encryption is defined by the key; a compromised key loses the harbour', () => {
    expect(find(run({ affected: { 'US-MO': 5 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-MO': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).not.toMatch(/does not mention the key/);
  });

  it('Mo. Rev. Stat. 407.1500.2 (unconfirmed): Attorney General above 1,000, not at 1,000', () => {
    const id = 'us-mo:regulator:attorney-general';
    expect(find(run({ affected: { 'US-MO': 1000 } }), id).required).toBe(false);
    expect(find(run({ affected: { 'US-MO': 1001 } }), id).required).toBe(true);
  });

  it('Mo. Rev. Stat. 407.1500.2 (unconfirmed): no reasonable likelihood of identity theft or fraud, no notice', () => {
    const o = find(run({ affected: { 'US-MO': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/five years/);
  });
});
