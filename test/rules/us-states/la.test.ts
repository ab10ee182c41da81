import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-la:individuals:residents';
const AG = 'us-la:regulator:attorney-general';

describe('La. Rev. Stat. §§ 51:3071-3077; La. Admin. Code tit. 16, pt. III, § 701', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'passport', covered: true },
    { el: 'biometric', covered: true },
    { el: 'account_credentials', covered: false },
    { el: 'health', covered: false },
    { el: 'tax_id', covered: false },
  ])('La. Rev. Stat. 51:3073(4)(a): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-LA': 5 } }), IND).required).toBe(covered);
  });

  it('La. Rev. Stat. 51:3073(4)(a): the definition is a confirmed source', () => {
    const o = find(run({ affected: { 'US-LA': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /51:3073\(4\)\(a\)/.test(s.fact))).toBe(true);
  });

  it('La. Rev. Stat. 51:3073(4)(a) before Acts 2018, No. 382: a passport number was not covered in July 2018', () => {
    const list = run({
      dataElements: ['name', 'passport'],
      affected: { 'US-LA': 5 },
      awarenessAt: '2018-07-15T15:00:00Z',
    });
    expect(find(list, IND).required).toBe(false);
  });

  it('La. Rev. Stat. 51:3073(4)(a): no key exception in the text; a compromised key is treated as unencrypted', () => {
    const o = find(run({ affected: { 'US-LA': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
    expect(find(run({ affected: { 'US-LA': 5 }, encrypted: true }), IND).required).toBe(false);
  });

  it('La. Admin. Code tit. 16, pt. III, 701: Attorney General for a single resident, 10 days after the residents are told', () => {
    const list = run({
      affected: { 'US-LA': 1 },
      noticesSent: [{ regime: 'us-la', audience: 'individuals', at: '2026-03-06T18:00:00Z' }],
    });
    const o = find(list, AG);
    expect(o.required).toBe(true);
    // notice 6 March 12:00 CST + 10 days = 16 March, end of day CDT (UTC-5) → 2026-03-17T04:59:59.999Z
    expect(o.dueAt).toBe('2026-03-17T04:59:59.999Z');
    expect(o.order).toBe('afterIndividuals');
    expect(o.sources?.some((s) => s.confirmed && /701/.test(s.fact))).toBe(true);
  });

  it('La. Rev. Stat. 51:3074 as amended by Acts 2018, No. 382 (unconfirmed): 60 days from discovery', () => {
    const o = find(run({ affected: { 'US-LA': 5 } }), IND);
    // 6 March 03:00 CST + 60 days = 5 May, end of day CDT (UTC-5) → 2026-05-06T04:59:59.999Z
    expect(o.dueAt).toBe('2026-05-06T04:59:59.999Z');
  });

  it('La. Rev. Stat. 51:3074 (unconfirmed): no reasonable likelihood of harm, no notice to residents or the Attorney General', () => {
    const list = run({ affected: { 'US-LA': 5 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, AG).required).toBe(false);
  });

  it('La. Admin. Code tit. 16, pt. III, 701(A): the names of the affected citizens are told in the why', () => {
    expect(find(run({ affected: { 'US-LA': 5 } }), IND).why).toMatch(/names of all Louisiana citizens/);
  });
});
