import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-mn:individuals:residents';
const CRA = 'us-mn:credit_agencies:nationwide-cras';

describe('Minn. Stat. § 325E.61', () => {
  it('Minn. Stat. 325E.61, subd. 1(a): no risk-of-harm exception, a "none" risk still needs notice', () => {
    const o = find(run({ affected: { 'US-MN': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/no risk-of-harm exemption/);
  });

  it('Minn. Stat. 325E.61, subd. 1(a): most expedient time, no day count; the clause is a confirmed source', () => {
    const o = find(run({ affected: { 'US-MN': 5 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /subd\. 1\(a\)/.test(s.fact))).toBe(true);
  });

  it('Minn. Stat. 325E.61, subd. 1(a): unencrypted data only', () => {
    expect(find(run({ affected: { 'US-MN': 5 }, encrypted: true }), IND).required).toBe(false);
  });

  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'passport', covered: false },
    { el: 'account_credentials', covered: false },
  ])('Minn. Stat. 325E.61, subd. 1(e) (unconfirmed): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MN': 5 } }), IND).required).toBe(covered);
  });

  it('Minn. Stat. 325E.61, subd. 2 (unconfirmed): consumer reporting agencies above 500, not at 500', () => {
    expect(find(run({ affected: { 'US-MN': 500 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-MN': 501 } }), CRA).required).toBe(true);
  });

  it('Minn. Stat. 325E.61, subd. 1(g) (unconfirmed): substitute notice above $250,000 or 500,000 people', () => {
    expect(find(run({ affected: { 'US-MN': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
    });
  });
});
