import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 02:00 MST (Arizona keeps MST all year, UTC-7).
const AZ = (n: number, over: object = {}) => ({ affected: { 'US-AZ': n }, ...over });
const IND = 'us-az:individuals:residents';
const AG = 'us-az:regulator:attorney-general';
const DHS = 'us-az:regulator:dhs';
const CRA = 'us-az:credit_agencies:nationwide-cras';

describe('Ariz. Rev. Stat. §§ 18-551 to -552', () => {
  it('Ariz. Rev. Stat. 18-552(B): individuals within 45 days of the determination', () => {
    // 6 March 02:00 MST + 45 days = 20 April, end of day MST (UTC-7) → 2026-04-21T06:59:59.999Z.
    expect(find(run(AZ(10)), IND).dueAt).toBe('2026-04-21T06:59:59.999Z');
  });

  it('Ariz. Rev. Stat. 18-552(A): the investigation duty is a confirmed source', () => {
    expect(find(run(AZ(10)), IND).sources?.some((s) => s.confirmed && /18-552\(A\)/.test(s.fact))).toBe(true);
  });

  it('Ariz. Rev. Stat. 18-552(B): Attorney General and Homeland Security when more than 1,000 (1,001), not at 1,000', () => {
    expect(find(run(AZ(1000)), AG).required).toBe(false);
    expect(find(run(AZ(1000)), DHS).required).toBe(false);
    const list = run(AZ(1001));
    expect(find(list, AG).required).toBe(true);
    expect(find(list, DHS).required).toBe(true);
    expect(find(list, CRA).required).toBe(true);
    expect(find(run(AZ(1000)), CRA).required).toBe(false);
  });

  it('HB 2146 (2022): no Homeland Security notice before 24 September 2022', () => {
    const list = run(AZ(2000, { awarenessAt: '2022-06-01T12:00:00Z' }));
    expect(find(list, AG).required).toBe(true);
    expect(list.some((o) => o.id === DHS)).toBe(false);
  });

  it('former 44-7501 (before HB 2154, 2018-08-03): no fixed deadline and no Attorney General notice', () => {
    const list = run(AZ(2000, { awarenessAt: '2018-07-15T12:00:00Z' }));
    expect(find(list, IND).dueAt).toBeNull();
    expect(list.some((o) => o.id === AG)).toBe(false);
  });

  it('Ariz. Rev. Stat. 18-552(J): no notice without a likelihood of substantial economic loss', () => {
    const o = find(run(AZ(10, { riskLevel: 'none' })), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/substantial economic loss/);
  });

  it('Ariz. Rev. Stat. 18-552(E): the notice gives the date, the information, the agencies’ and the FTC’s contacts', () => {
    expect(find(run(AZ(10)), IND).content).toEqual(
      expect.arrayContaining(['occurred_at', 'categories_of_data', 'toll_free_numbers', 'regulator_contacts']),
    );
  });

  it('Ariz. Rev. Stat. 18-552(F): substitute notice over $50,000 or 100,000 individuals', () => {
    const sub = find(run(AZ(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(50000);
    expect(sub?.peopleOver).toBe(100000);
    expect(sub?.noContact).toBe(true);
  });

  it.each([
    { el: 'electronic_signature', required: true },
    { el: 'passport', required: true },
    { el: 'tax_id', required: true },
    { el: 'health', required: true },
    { el: 'health_insurance', required: true },
    { el: 'biometric', required: true },
    { el: 'government_id', required: false },
    { el: 'date_of_birth', required: false },
  ])('Ariz. Rev. Stat. 18-551: $el with a name → notice required: $required', ({ el, required }) => {
    expect(find(run(AZ(10, { dataElements: ['name', el] })), IND).required).toBe(required);
  });

  it('Ariz. Rev. Stat. 18-551: username or email with password counts without a name', () => {
    expect(find(run(AZ(10, { dataElements: ['account_credentials'] })), IND).required).toBe(true);
  });
});
