import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-hi:individuals:residents';
const OCP = 'us-hi:regulator:consumer-protection';
const CRA = 'us-hi:credit_agencies:nationwide-cras';

describe('Haw. Rev. Stat. §§ 487N-1 to -7', () => {
  it('Haw. Rev. Stat. 487N-1: SSN, licence and financial account are covered; passport and health data are not', () => {
    expect(find(run({ affected: { 'US-HI': 5 } }), IND).required).toBe(true);
    for (const el of ['passport', 'health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-HI': 5 } }), IND).required).toBe(false);
    expect(
      find(run({ affected: { 'US-HI': 5 } }), IND).sources?.some((s) => s.confirmed && /487N-1/.test(s.fact)),
    ).toBe(true);
  });

  it('Haw. Rev. Stat. 487N-1: encrypted data acquired with its key is a breach', () => {
    expect(find(run({ encrypted: true, affected: { 'US-HI': 5 } }), IND).required).toBe(false);
    const o = find(run({ encrypted: true, keyCompromised: true, affected: { 'US-HI': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.why).not.toMatch(/does not mention the key/);
  });

  it('Haw. Rev. Stat. 487N-1, 487N-2(a): no risk of harm, no security breach; otherwise without unreasonable delay', () => {
    expect(find(run({ affected: { 'US-HI': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-HI': 5 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /487N-2\(a\)/.test(s.fact))).toBe(true);
  });

  it('Haw. Rev. Stat. 487N-2(b): a business maintaining the data tells the owner immediately', () => {
    const o = find(run({ role: 'processor', affected: { 'US-HI': 5 } }), 'us-hi:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /487N-2\(b\)/.test(s.fact))).toBe(true);
  });

  it('Haw. Rev. Stat. 487N-2(c): an oral request documented by the business delays the notice', () => {
    const o = find(
      run({
        affected: { 'US-HI': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Haw. Rev. Stat. 487N-2(f): Office of Consumer Protection and CRAs at 1,001 persons, not at 1,000', () => {
    expect(find(run({ affected: { 'US-HI': 1000 } }), OCP).required).toBe(false);
    expect(find(run({ affected: { 'US-HI': 1000 } }), CRA).required).toBe(false);
    const list = run({ affected: { 'US-HI': 1001 } });
    expect(find(list, OCP).required).toBe(true);
    expect(find(list, CRA).required).toBe(true);
    expect(find(list, OCP).sources?.some((s) => s.confirmed && /487N-2\(f\)/.test(s.fact))).toBe(true);
  });

  it('Haw. Rev. Stat. 487N-2(d): the notice describes the incident, the data, the measures, a telephone number and vigilance advice', () => {
    const o = find(run({ affected: { 'US-HI': 5 } }), IND);
    expect(o.content).toEqual([
      'nature',
      'categories_of_data',
      'measures_taken',
      'contact_point',
      'steps_for_individuals',
    ]);
  });

  it('Haw. Rev. Stat. 487N-2(e)(4): substitute notice above $100,000 or 200,000 persons', () => {
    expect(find(run({ affected: { 'US-HI': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 100000,
      peopleOver: 200000,
      noContact: true,
      basis: 'Haw. Rev. Stat. § 487N-2(e)(4)',
    });
  });
});
