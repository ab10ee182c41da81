import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-md:individuals:residents';

describe('Md. Code Com. Law §§ 14-3501 to -3508', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'tax_id', covered: true },
    { el: 'passport', covered: true },
    { el: 'government_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'health', covered: true },
    { el: 'health_insurance', covered: true },
    { el: 'date_of_birth', covered: false },
    { el: 'mothers_maiden_name', covered: false },
  ])('Md. Code Com. Law 14-3501(e)(1)(i): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MD': 5 } }), IND).required).toBe(covered);
  });

  it('Md. Code Com. Law 14-3501(e)(1)(i): the definition is a confirmed source', () => {
    const o = find(run({ affected: { 'US-MD': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /14-3501\(e\)\(1\)\(i\)/.test(s.fact))).toBe(true);
  });

  it('Md. Code Com. Law 14-3501(c): encryption means indecipherable without the key; a compromised key loses the harbour', () => {
    expect(find(run({ affected: { 'US-MD': 5 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-MD': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).not.toMatch(/does not mention the key/);
  });

  it('Md. Code Com. Law 14-3504(b)(3) as amended by HB 962: 45 days after discovery, not after the determination', () => {
    const o = find(run({ affected: { 'US-MD': 5 }, determinations: { notifiableAt: '2026-03-20T15:00:00Z' } }), IND);
    // discovered 6 March 04:00 EST + 45 days = 20 April, end of day EDT (UTC-4) → 2026-04-21T03:59:59.999Z
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /14-3504\(b\)\(2\)-\(3\)/.test(s.fact))).toBe(true);
  });

  it('Md. Code Com. Law 14-3504(b)(3) before HB 962 (2022-10-01): 45 days after the investigation concludes', () => {
    const o = find(
      run({
        affected: { 'US-MD': 5 },
        awarenessAt: '2021-03-01T15:00:00Z',
        determinations: { notifiableAt: '2021-03-10T15:00:00Z' },
      }),
      IND,
    );
    // concluded 10 March 2021 (10:00 EST) + 45 days = 24 April 2021, end of day EDT (UTC-4) → 2021-04-25T03:59:59.999Z
    expect(o.dueAt).toBe('2021-04-25T03:59:59.999Z');
  });

  it('Md. Code Com. Law 14-3501(e)(1)(i)7 (unconfirmed): genetic information counts from HB 962 (2022-10-01), not before', () => {
    const genetic = (awarenessAt: string) =>
      find(run({ dataElements: ['name', 'genetic'], affected: { 'US-MD': 5 }, awarenessAt }), IND).required;
    expect(genetic('2026-03-06T09:00:00Z')).toBe(true);
    expect(genetic('2021-03-01T15:00:00Z')).toBe(false);
  });

  it('Md. Code Com. Law 14-3504(b)(2): no likelihood of misuse, no notice to residents or the Attorney General', () => {
    const list = run({ affected: { 'US-MD': 5 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, 'us-md:regulator:attorney-general').required).toBe(false);
  });

  it('Md. Code Com. Law 14-3506(a) (unconfirmed): consumer reporting agencies at 1,000, not at 999', () => {
    const id = 'us-md:credit_agencies:nationwide-cras';
    expect(find(run({ affected: { 'US-MD': 999 } }), id).required).toBe(false);
    expect(find(run({ affected: { 'US-MD': 1000 } }), id).required).toBe(true);
  });
});
