import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nm:individuals:residents';
const AG = 'us-nm:regulator:attorney-general';
const CRA = 'us-nm:credit_agencies:nationwide-cras';

describe('N.M. Stat. §§ 57-12C-1 to -12', () => {
  it('N.M. Stat. 57-12C-2(C): government-issued identification numbers and biometric data count with a name', () => {
    for (const e of ['government_id', 'passport', 'biometric'])
      expect(find(run({ affected: { 'US-NM': 3 }, dataElements: ['name', e] }), IND).required).toBe(true);
  });

  it('N.M. Stat. 57-12C-2(C): credentials and health data are not personal identifying information', () => {
    for (const e of ['account_credentials', 'health', 'date_of_birth'])
      expect(find(run({ affected: { 'US-NM': 3 }, dataElements: ['name', e] }), IND).required).toBe(false);
    expect(
      find(run({ affected: { 'US-NM': 3 } }), IND).sources?.some((s) => s.confirmed && /57-12C-2\(C\)/.test(s.fact)),
    ).toBe(true);
  });

  it('N.M. Stat. 57-12C-2(D): encrypted data acquired with its key is a breach', () => {
    expect(find(run({ affected: { 'US-NM': 3 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NM': 3 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('N.M. Stat. 57-12C-6: residents within 45 calendar days of discovery', () => {
    // 6 March 02:00 MST + 45 days = 20 April, end of day MDT (UTC-6) → 2026-04-21T05:59:59.999Z.
    expect(find(run({ affected: { 'US-NM': 3 } }), IND).dueAt).toBe('2026-04-21T05:59:59.999Z');
  });

  it('N.M. Stat. 57-12C-10: Attorney General at 1,001 residents, not 1,000, within 45 days of discovery', () => {
    expect(find(run({ affected: { 'US-NM': 1000 } }), AG).required).toBe(false);
    const o = find(run({ affected: { 'US-NM': 1001 } }), AG);
    expect(o.required).toBe(true);
    // Same arithmetic as the residents' notice: 20 April, end of day MDT.
    expect(o.dueAt).toBe('2026-04-21T05:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /57-12C-10/.test(s.fact))).toBe(true);
  });

  it('N.M. Stat. 57-12C-10: consumer reporting agencies at 1,001 residents, not 1,000', () => {
    expect(find(run({ affected: { 'US-NM': 1000 } }), CRA).required).toBe(false);
    const o = find(run({ affected: { 'US-NM': 1001 } }), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /57-12C-10/.test(s.fact))).toBe(true);
  });

  it('N.M. Stat. 57-12C-7: the notice carries the contents the section lists', () => {
    const o = find(run({ affected: { 'US-NM': 3 } }), IND);
    expect(o.content).toEqual(
      expect.arrayContaining([
        'contact_point',
        'categories_of_data',
        'occurred_at',
        'nature',
        'toll_free_numbers',
        'steps_for_individuals',
        'remedies',
      ]),
    );
    expect(o.sources?.some((s) => s.confirmed && /57-12C-7/.test(s.fact))).toBe(true);
  });

  it('N.M. Stat. 57-12C-9: an oral law enforcement determination delays notice', () => {
    expect(
      find(run({ affected: { 'US-NM': 3 } }), IND).sources?.some((s) => s.confirmed && /57-12C-9/.test(s.fact)),
    ).toBe(true);
  });

  it('N.M. Stat. 57-12C-6 (chart test): no notice without a significant risk of identity theft or fraud', () => {
    expect(find(run({ affected: { 'US-NM': 3 }, riskLevel: 'none' }), IND).required).toBe(false);
  });

  it('N.M. Stat. 57-12C-6(D) (chart values): substitute notice above $100,000 or 50,000 residents', () => {
    expect(find(run({ affected: { 'US-NM': 3 } }), IND).substituteNotice).toMatchObject({
      costOver: 100000,
      peopleOver: 50000,
      noContact: true,
    });
  });
});
