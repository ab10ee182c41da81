import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const AK = (n: number, over: object = {}) => ({ affected: { 'US-AK': n }, ...over });
const IND = 'us-ak:individuals:residents';
const AG = 'us-ak:regulator:attorney-general';
const CRA = 'us-ak:credit_agencies:nationwide-cras';

describe('Alaska Stat. §§ 45.48.010-.090', () => {
  it('Alaska Stat. 45.48.010(b): most expeditious time possible, no day limit', () => {
    const o = find(run(AK(10)), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /45\.48\.010\(b\)/.test(s.fact))).toBe(true);
  });

  it('Alaska Stat. 45.48.010(c): a no-harm determination excuses the residents but goes to the Attorney General in writing', () => {
    const list = run(AK(10, { riskLevel: 'none' }));
    expect(find(list, IND).required).toBe(false);
    expect(find(list, AG).required).toBe(true);
    expect(find(list, AG).sources?.some((s) => s.confirmed && /45\.48\.010\(c\)/.test(s.fact))).toBe(true);
  });

  it('Alaska Stat. 45.48.010(c): no Attorney General notice when residents are notified', () => {
    expect(find(run(AK(5000)), AG).required).toBe(false);
  });

  it('Alaska Stat. 45.48.040: credit reporting agencies when more than 1,000 residents (1,001), not at 1,000', () => {
    expect(find(run(AK(1000)), CRA).required).toBe(false);
    const o = find(run(AK(1001)), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /45\.48\.040/.test(s.fact))).toBe(true);
  });

  it('Alaska Stat. 45.48.090(7): encrypted data is covered when the key was accessed or acquired', () => {
    expect(find(run(AK(10, { encrypted: true })), IND).required).toBe(false);
    expect(find(run(AK(10, { encrypted: true, keyCompromised: true })), IND).required).toBe(true);
  });

  it('Alaska Stat. 45.48.020: a law enforcement determination delays notice without a written request', () => {
    const o = find(
      run(AK(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } })),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it.each([
    { el: 'national_id', required: true },
    { el: 'drivers_license', required: true },
    { el: 'financial_account', required: true },
    { el: 'passport', required: false },
    { el: 'health', required: false },
    { el: 'account_credentials', required: false },
  ])('Alaska Stat. 45.48.090(7): $el with a name → notice required: $required', ({ el, required }) => {
    expect(find(run(AK(10, { dataElements: ['name', el] })), IND).required).toBe(required);
  });
});
