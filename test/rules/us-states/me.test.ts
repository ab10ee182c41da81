import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-me:individuals:residents';

describe('Me. Rev. Stat. tit. 10, §§ 1346-1350-B', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'account_credentials', covered: true },
    { el: 'passport', covered: false },
    { el: 'health', covered: false },
    { el: 'biometric', covered: false },
  ])('Me. Rev. Stat. tit. 10, 1347(6): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-ME': 5 } }), IND).required).toBe(covered);
  });

  it('Me. Rev. Stat. tit. 10, 1347(6)(E): credentials without a name count', () => {
    expect(find(run({ dataElements: ['account_credentials'], affected: { 'US-ME': 5 } }), IND).required).toBe(true);
  });

  it('Me. Rev. Stat. tit. 10, 1347(6): the definition is a confirmed source', () => {
    const o = find(run({ affected: { 'US-ME': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /1347\(6\)/.test(s.fact))).toBe(true);
  });

  it('Me. Rev. Stat. tit. 10, 1347(6): no key exception in the text; a compromised key is treated as unencrypted', () => {
    const o = find(run({ affected: { 'US-ME': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('Me. Rev. Stat. tit. 10, 1348(1) as amended by LD 696: 30 days after becoming aware and identifying the scope', () => {
    const o = find(run({ affected: { 'US-ME': 5 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }), IND);
    // scope identified 10 March (11:00 EDT) + 30 days = 9 April, end of day EDT (UTC-4) → 2026-04-10T03:59:59.999Z
    expect(o.dueAt).toBe('2026-04-10T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /LD 696/.test(s.fact))).toBe(true);
  });

  it('Me. Rev. Stat. tit. 10, 1348(1) before LD 696 (2019-09-19): no day count', () => {
    const o = find(run({ affected: { 'US-ME': 5 }, awarenessAt: '2019-06-03T15:00:00Z' }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
  });

  it('Me. Rev. Stat. tit. 10, 1348(1) (unconfirmed): misuse not reasonably possible, no notice', () => {
    expect(find(run({ affected: { 'US-ME': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
  });

  it('Me. Rev. Stat. tit. 10, 1348(4) (unconfirmed): consumer reporting agencies above 1,000, not at 1,000', () => {
    const id = 'us-me:credit_agencies:nationwide-cras';
    expect(find(run({ affected: { 'US-ME': 1000 } }), id).required).toBe(false);
    expect(find(run({ affected: { 'US-ME': 1001 } }), id).required).toBe(true);
  });
});
