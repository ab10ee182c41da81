import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const PR = (n: number, over: object = {}) => run({ affected: { 'US-PR': n }, ...over });
const residents = 'us-pr:individuals:residents';
const DACO = 'us-pr:regulator:daco';

describe('P.R. Laws tit. 10, §§ 4051-4055', () => {
  it('10 L.P.R.A. 4052: the Department of Consumer Affairs within ten days of detection, confirmed', () => {
    const o = find(PR(1), DACO);
    // 6 March 05:00 AST (UTC-4, no daylight time) + 10 days = 16 March, end of day AST.
    expect(o.dueAt).toBe('2026-03-17T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /ten days/.test(s.fact))).toBe(true);
  });

  it('10 L.P.R.A. 4052: no risk-of-harm exemption', () => {
    expect(find(PR(10, { riskLevel: 'none' }), residents).required).toBe(true);
    expect(find(PR(10, { riskLevel: 'none' }), DACO).required).toBe(true);
  });

  it('10 L.P.R.A. 4052: encrypted files are outside; the statute does not mention the key', () => {
    expect(find(PR(10, { encrypted: true }), residents).required).toBe(false);
    const o = find(PR(10, { encrypted: true, keyCompromised: true }), residents);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('10 L.P.R.A. 4052: a reseller or access provider notifies the proprietor', () => {
    const o = find(PR(10, { role: 'processor' }), 'us-pr:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /proprietor/.test(s.fact))).toBe(true);
  });

  it('10 L.P.R.A. 4053: the notice describes the breach, the information and a toll-free number and website', () => {
    expect(find(PR(10), residents).content).toEqual(['nature', 'categories_of_data', 'contact_point']);
  });

  it('10 L.P.R.A. 4053(2): substitute notice above $100,000 or 100,000 people, or when notice is onerous', () => {
    expect(find(PR(10), residents).substituteNotice).toMatchObject({
      costOver: 100000,
      peopleOver: 100000,
      noContact: true,
      basis: 'P.R. Laws tit. 10, § 4053(2)',
    });
  });

  it('10 L.P.R.A. 4051: user names with passwords, official ID and tax information count with a name, not alone', () => {
    for (const el of ['account_credentials', 'government_id', 'tax_id'])
      expect(find(PR(10, { dataElements: ['name', el] }), residents).required).toBe(true);
    expect(find(PR(10, { dataElements: ['account_credentials'] }), residents).required).toBe(false);
    expect(find(PR(10, { dataElements: ['name', 'postal_address'] }), residents).required).toBe(false);
  });
});
