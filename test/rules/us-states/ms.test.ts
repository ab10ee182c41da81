import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ms:individuals:residents';

describe('Miss. Code § 75-24-29', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'government_id', covered: true },
    { el: 'financial_account', covered: true },
    { el: 'passport', covered: false },
    { el: 'health', covered: false },
  ])('Miss. Code 75-24-29(2)(b): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MS': 5 } }), IND).required).toBe(covered);
  });

  it('Miss. Code 75-24-29(2)(b): the definition is a confirmed source', () => {
    const o = find(run({ affected: { 'US-MS': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /75-24-29\(2\)\(b\)/.test(s.fact))).toBe(true);
  });

  it('Miss. Code 75-24-29(2)(a): no key exception in the text; a compromised key is treated as unencrypted', () => {
    expect(find(run({ affected: { 'US-MS': 5 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-MS': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('Miss. Code 75-24-29(3) (unconfirmed): harm not likely, no notice; no day count', () => {
    expect(find(run({ affected: { 'US-MS': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-MS': 5 } }), IND).dueAt).toBeNull();
  });
});
