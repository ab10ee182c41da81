import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-pa:individuals:residents';
const AG = 'us-pa:regulator:attorney-general';
const CRA = 'us-pa:credit_agencies:nationwide-cras';

describe('73 Pa. Stat. §§ 2301-2330', () => {
  it('73 P.S. § 2302: no loss or injury reasonably believed, no notice (confirmed)', () => {
    expect(find(run({ affected: { 'US-PA': 10 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-PA': 10 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /§ 2302/.test(s.fact))).toBe(true);
  });

  it('73 P.S. § 2303: without unreasonable delay, no fixed number of days', () => {
    expect(find(run({ affected: { 'US-PA': 10 } }), IND).dueAt).toBeNull();
  });

  it('73 P.S. § 2303(c.1): Office of Attorney General when more than 500 are notified: 501 yes, 500 no (confirmed)', () => {
    expect(find(run({ affected: { 'US-PA': 500 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-PA': 501 } }), AG);
    expect(ag.required).toBe(true);
    expect(ag.sources?.some((s) => s.confirmed && /c\.1/.test(s.fact))).toBe(true);
  });

  it('73 P.S. § 2303(c.1): no Attorney General notice before Act 33 (2024-09-26)', () => {
    const list = run({ affected: { 'US-PA': 5000 }, awarenessAt: '2024-06-01T12:00:00Z' });
    expect(list.some((o) => o.id === AG)).toBe(false);
  });

  it('73 P.S. § 2305: consumer reporting agencies above 1,000 (unconfirmed)', () => {
    expect(find(run({ affected: { 'US-PA': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-PA': 1001 } }), CRA).required).toBe(true);
  });

  it('73 P.S. § 2302 as amended by Act 151: health insurance information from 2023-05-02, not before', () => {
    const hi = { dataElements: ['name', 'health_insurance'], affected: { 'US-PA': 10 } };
    expect(find(run(hi), IND).required).toBe(true);
    expect(find(run({ ...hi, awarenessAt: '2022-06-01T12:00:00Z' }), IND).required).toBe(false);
  });

  it('73 P.S. § 2302 as amended by Act 151: medical information counts only in state agency hands', () => {
    expect(find(run({ dataElements: ['name', 'health'], affected: { 'US-PA': 10 } }), IND).required).toBe(false);
  });

  it('73 P.S. § 2302 as amended by Act 151: username or email with password', () => {
    expect(find(run({ dataElements: ['account_credentials'], affected: { 'US-PA': 10 } }), IND).required).toBe(true);
  });

  it('Act 33 of 2024: 12 months of credit monitoring when a Social Security number is involved', () => {
    const o = find(run({ affected: { 'US-PA': 10 } }), IND);
    expect(o.content).toContain('credit_monitoring_offer');
    const email = find(run({ dataElements: ['name', 'health_insurance'], affected: { 'US-PA': 10 } }), IND);
    expect(email.content).not.toContain('credit_monitoring_offer');
  });
});
