import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const DC = (n: number, over: object = {}) => ({ affected: { 'US-DC': n }, ...over });
const IND = 'us-dc:individuals:residents';
const AG = 'us-dc:regulator:attorney-general';
const CRA = 'us-dc:credit_agencies:nationwide-cras';

describe('D.C. Code §§ 28-3851 to -3853', () => {
  it('D.C. Code 28-3852(a): most expedient time, no day limit', () => {
    const o = find(run(DC(10)), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
  });

  it('D.C. Code 28-3852.02: 18 months of identity theft protection for an SSN or taxpayer ID', () => {
    const o = find(run(DC(10, { dataElements: ['name', 'tax_id'] })), IND);
    expect(o.content).toContain('credit_monitoring_offer');
    expect(o.why).toMatch(/18 months/);
    expect(o.sources?.some((s) => s.confirmed && /28-3852\.02/.test(s.fact))).toBe(true);
  });

  it('D.C. Code 28-3852(b-1): Office of the Attorney General at 50 residents, not at 49, with the residents', () => {
    expect(find(run(DC(49)), AG).required).toBe(false);
    const o = find(run(DC(50)), AG);
    expect(o.required).toBe(true);
    expect(o.order).toBe('withIndividuals');
  });

  it('D.C. Code 28-3852(c): consumer reporting agencies when more than 1,000 (1,001), not at 1,000', () => {
    expect(find(run(DC(1000)), CRA).required).toBe(false);
    expect(find(run(DC(1001)), CRA).required).toBe(true);
  });

  it('D.C. Code 28-3852(d): no notice when harm is not likely (since D.C. Law 23-98)', () => {
    expect(find(run(DC(10, { riskLevel: 'none' })), IND).required).toBe(false);
    expect(find(run(DC(10, { riskLevel: 'none', awarenessAt: '2019-06-01T12:00:00Z' })), IND).required).toBe(true);
  });

  it('before D.C. Law 23-98 (2020-06-08): no Attorney General notice, no passport coverage', () => {
    const list = run(DC(500, { dataElements: ['name', 'passport'], awarenessAt: '2019-06-01T12:00:00Z' }));
    expect(list.some((o) => o.id === AG)).toBe(false);
    expect(find(list, IND).required).toBe(false);
  });

  it('D.C. Code 28-3852(a-1): the notice gives the agencies’, the FTC’s and the OAG’s contacts and the security freeze right', () => {
    expect(find(run(DC(10)), IND).content).toEqual(
      expect.arrayContaining(['toll_free_numbers', 'regulator_contacts', 'security_freeze']),
    );
  });

  it('D.C. Code 28-3851(2): substitute notice over $50,000 or 100,000 persons', () => {
    const sub = find(run(DC(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(50000);
    expect(sub?.peopleOver).toBe(100000);
  });

  it.each([
    { els: ['name', 'genetic'], required: true },
    { els: ['name', 'government_id'], required: true },
    { els: ['name', 'biometric'], required: true },
    { els: ['account_credentials'], required: true },
    { els: ['name', 'date_of_birth'], required: false },
  ])('D.C. Code 28-3851(3): $els → notice required: $required', ({ els, required }) => {
    expect(find(run(DC(10, { dataElements: els })), IND).required).toBe(required);
  });
});
