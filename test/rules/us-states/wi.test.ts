import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const WI = (n: number, over: object = {}) => run({ affected: { 'US-WI': n }, ...over });
const residents = 'us-wi:individuals:residents';

describe('Wis. Stat. § 134.98', () => {
  it('Wis. Stat. 134.98(3)(a): within a reasonable time, not more than 45 days after learning of the acquisition', () => {
    // 6 March 03:00 CST + 45 days = 20 April, end of day CDT (UTC-5).
    expect(find(WI(10), residents).dueAt).toBe('2026-04-21T04:59:59.999Z');
  });

  it('Wis. Stat. 134.98(1)(b): DNA profile and biometric data count with a name; passport does not', () => {
    expect(find(WI(10, { dataElements: ['name', 'genetic'] }), residents).required).toBe(true);
    expect(find(WI(10, { dataElements: ['name', 'biometric'] }), residents).required).toBe(true);
    expect(find(WI(10, { dataElements: ['name', 'passport'] }), residents).required).toBe(false);
  });

  it('Wis. Stat. 134.98(2)(cm): no notice when there is no material risk of identity theft or fraud', () => {
    expect(find(WI(10, { riskLevel: 'none' }), residents).required).toBe(false);
  });

  it('Wis. Stat. 134.98(2)(br): consumer reporting agencies above 1,000 individuals (unconfirmed), not at 1,000', () => {
    expect(find(WI(1001), 'us-wi:credit_agencies:nationwide-cras').required).toBe(true);
    expect(find(WI(1000), 'us-wi:credit_agencies:nationwide-cras').required).toBe(false);
  });

  it('Wis. Stat. 134.98(3)(c): the notice says the entity knows of the unauthorized acquisition', () => {
    expect(find(WI(10), residents).content).toEqual(['nature']);
  });

  it('Wis. Stat. 134.98: nothing confirmed against the text, so the facts are reported as unconfirmed', () => {
    expect(find(WI(10), residents).sources?.every((s) => !s.confirmed)).toBe(true);
  });
});
