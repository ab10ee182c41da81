import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const WV = (n: number, over: object = {}) => run({ affected: { 'US-WV': n }, ...over });
const residents = 'us-wv:individuals:residents';

describe('W. Va. Code §§ 46A-2A-101 to -105', () => {
  it('W. Va. Code 46A-2A-102(a): without unreasonable delay, no day limit, confirmed', () => {
    const o = find(WV(10), residents);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /46A-2A-102\(a\)/.test(s.fact))).toBe(true);
  });

  it('W. Va. Code 46A-2A-102(a): no notice when no identity theft or fraud is reasonably believed', () => {
    expect(find(WV(10, { riskLevel: 'none' }), residents).required).toBe(false);
  });

  it('W. Va. Code 46A-2A-102(b): encrypted data with the key exposed is notified; with the key safe it is not', () => {
    expect(find(WV(10, { encrypted: true, keyCompromised: true }), residents).required).toBe(true);
    expect(find(WV(10, { encrypted: true }), residents).required).toBe(false);
  });

  it('W. Va. Code 46A-2A-102(c): a maintaining entity tells the owner as soon as practicable', () => {
    const o = find(WV(10, { role: 'processor' }), 'us-wv:controller:owner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /46A-2A-102\(c\)/.test(s.fact))).toBe(true);
  });

  it('W. Va. Code 46A-2A-101(6): passport and health data are not personal information', () => {
    expect(find(WV(10, { dataElements: ['name', 'passport'] }), residents).required).toBe(false);
    expect(find(WV(10, { dataElements: ['name', 'health'] }), residents).required).toBe(false);
  });

  it('W. Va. Code 46A-2A-102(d): the notice gives the categories, a contact, the agencies and fraud alert or freeze', () => {
    expect(find(WV(10), residents).content).toEqual(
      expect.arrayContaining([
        'categories_of_data',
        'contact_point',
        'toll_free_numbers',
        'fraud_alert',
        'security_freeze',
      ]),
    );
  });

  it('W. Va. Code 46A-2A-102(f): consumer reporting agencies above 1,000 residents, not at 1,000', () => {
    expect(find(WV(1001), 'us-wv:credit_agencies:nationwide-cras').required).toBe(true);
    expect(find(WV(1000), 'us-wv:credit_agencies:nationwide-cras').required).toBe(false);
  });
});
