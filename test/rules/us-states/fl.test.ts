import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-fl:individuals:residents';
const DLA = 'us-fl:regulator:attorney-general';

describe('Fla. Stat. § 501.171', () => {
  it('Fla. Stat. 501.171(1)(g)1.a.(II): a military or other government identification number counts with a name', () => {
    const o = find(run({ dataElements: ['name', 'government_id'], affected: { 'US-FL': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /501\.171\(1\)\(g\)1\./.test(s.fact))).toBe(true);
  });

  it('Fla. Stat. 501.171(1)(g)1.a.(VI)-(VII) as amended by SB 262: biometric data and geolocation from 2024-07-01 only', () => {
    for (const el of ['biometric', 'precise_location']) {
      expect(find(run({ dataElements: ['name', el], affected: { 'US-FL': 5 } }), IND).required).toBe(true);
      expect(
        find(run({ dataElements: ['name', el], affected: { 'US-FL': 5 }, awarenessAt: '2024-06-15T12:00:00Z' }), IND)
          .required,
      ).toBe(false);
    }
  });

  it('Fla. Stat. 501.171(1)(g)1.b.: user name with password counts without a name; email alone does not', () => {
    expect(find(run({ dataElements: ['account_credentials'], affected: { 'US-FL': 5 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'email'], affected: { 'US-FL': 5 } }), IND).required).toBe(false);
  });

  it('Fla. Stat. 501.171(1)(g)2.: encrypted data is excluded; the statute does not mention the key', () => {
    expect(find(run({ encrypted: true, affected: { 'US-FL': 5 } }), IND).required).toBe(false);
    const o = find(run({ encrypted: true, keyCompromised: true, affected: { 'US-FL': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('Fla. Stat. 501.171(4)(a): 30 days from the determination', () => {
    const o = find(run({ affected: { 'US-FL': 5 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }), IND);
    // 10 March 10:00 EST + 30 days = 9 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-10T03:59:59.999Z');
  });

  it('Fla. Stat. 501.171(3)(a): Department of Legal Affairs at 500 residents, not at 499, within 30 days', () => {
    expect(find(run({ affected: { 'US-FL': 499 } }), DLA).required).toBe(false);
    const o = find(run({ affected: { 'US-FL': 500 } }), DLA);
    expect(o.required).toBe(true);
    // 6 March 04:00 EST + 30 days = 5 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-06T03:59:59.999Z');
  });

  it('Fla. Stat. 501.171(4)(c): no notice where no identity theft or financial harm is likely; the determination goes to the Department', () => {
    const list = run({ affected: { 'US-FL': 10 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, IND).why).toMatch(/identity theft or any other financial harm/);
    expect(find(list, DLA).required).toBe(true);
  });

  it('Fla. Stat. 501.171(5): consumer reporting agencies above 1,000, not at 1,000', () => {
    expect(find(run({ affected: { 'US-FL': 1000 } }), 'us-fl:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-FL': 1001 } }), 'us-fl:credit_agencies:nationwide-cras').required).toBe(true);
  });

  it('Fla. Stat. 501.171(6)(a): a third-party agent tells the covered entity within 10 days', () => {
    // 6 March 04:00 EST + 10 days = 16 March, end of day EDT (UTC-4).
    expect(find(run({ role: 'processor', affected: { 'US-FL': 10 } }), 'us-fl:controller:owner').dueAt).toBe(
      '2026-03-17T03:59:59.999Z',
    );
  });

  it('Fla. Stat. 501.171(4)(f): substitute notice above $250,000 or 500,000 people', () => {
    const s = find(run({ affected: { 'US-FL': 10 } }), IND).substituteNotice;
    expect(s).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
      basis: 'Fla. Stat. § 501.171(4)(f)',
    });
  });

  it('Fla. Stat. 501.171(4)(e): the notice gives the date, the information accessed and a contact', () => {
    const o = find(run({ affected: { 'US-FL': 10 } }), IND);
    expect(o.content).toEqual(expect.arrayContaining(['occurred_at', 'categories_of_data', 'contact_point']));
    expect(o.unconfirmedFacts?.length).toBeGreaterThan(0);
  });
});
