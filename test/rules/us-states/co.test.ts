import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 02:00 MST in Colorado.
const CO = (n: number, over: object = {}) => ({ affected: { 'US-CO': n }, ...over });
const IND = 'us-co:individuals:residents';
const AG = 'us-co:regulator:attorney-general';
const CRA = 'us-co:credit_agencies:nationwide-cras';

describe('Colo. Rev. Stat. § 6-1-716', () => {
  it('Colo. Rev. Stat. 6-1-716(2): residents within 30 days of the determination', () => {
    const o = find(run(CO(10)), IND);
    // 6 March 02:00 MST + 30 days = 5 April, end of day MDT (UTC-6) → 2026-04-06T05:59:59.999Z.
    expect(o.dueAt).toBe('2026-04-06T05:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /6-1-716\(1\)\(c\)/.test(s.fact))).toBe(true);
  });

  it('before HB 18-1128 (2018-09-01): most expedient time, no Attorney General notice', () => {
    const list = run(CO(800, { awarenessAt: '2018-07-15T12:00:00Z' }));
    expect(find(list, IND).dueAt).toBeNull();
    expect(list.some((o) => o.id === AG)).toBe(false);
  });

  it('Colo. Rev. Stat. 6-1-716(2)(f): Attorney General at 500 residents, not at 499, within 30 days', () => {
    expect(find(run(CO(499)), AG).required).toBe(false);
    const o = find(run(CO(500)), AG);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-04-06T05:59:59.999Z');
  });

  it('Colo. Rev. Stat. 6-1-716(2)(d): consumer reporting agencies when more than 1,000, not at 1,000', () => {
    expect(find(run(CO(1000)), CRA).required).toBe(false);
    expect(find(run(CO(1001)), CRA).required).toBe(true);
  });

  it('Colo. Rev. Stat. 6-1-716(2): no notice when misuse is not reasonably likely', () => {
    expect(find(run(CO(10, { riskLevel: 'none' })), IND).required).toBe(false);
  });

  it('Colo. Rev. Stat. 6-1-716(2): the notice lists the agencies, the FTC, fraud alerts and security freezes', () => {
    expect(find(run(CO(10)), IND).content).toEqual(
      expect.arrayContaining(['toll_free_numbers', 'regulator_contacts', 'fraud_alert', 'security_freeze']),
    );
  });

  it('Colo. Rev. Stat. 6-1-716(1)(f)(IV): substitute notice over $250,000 or 250,000 residents', () => {
    const sub = find(run(CO(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(250000);
    expect(sub?.peopleOver).toBe(250000);
  });

  it.each([
    { els: ['name', 'passport'], required: true },
    { els: ['name', 'government_id'], required: true },
    { els: ['name', 'biometric'], required: true },
    { els: ['name', 'health'], required: true },
    { els: ['name', 'health_insurance'], required: true },
    { els: ['name', 'tax_id'], required: false },
    { els: ['account_credentials'], required: true },
    { els: ['financial_account'], required: true },
    { els: ['email'], required: false },
  ])('Colo. Rev. Stat. 6-1-716(1)(g): $els → notice required: $required', ({ els, required }) => {
    expect(find(run(CO(10, { dataElements: els })), IND).required).toBe(required);
  });
});
