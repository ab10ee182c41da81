import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-sd:individuals:residents';
const AG = 'us-sd:regulator:attorney-general';

describe('S.D. Codified Laws §§ 22-40-19 to -26', () => {
  it('S.D. Codified Laws 22-40-20: residents within 60 days of discovery (confirmed)', () => {
    const o = find(run({ affected: { 'US-SD': 10 } }), IND);
    // 6 March 03:00 CST + 60 days = 5 May, end of day CDT (UTC-5).
    expect(o.dueAt).toBe('2026-05-06T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /60 days/.test(s.fact))).toBe(true);
  });

  it('S.D. Codified Laws 22-40-20: attorney general when the breach exceeds 250 residents: 251 yes, 250 no (confirmed)', () => {
    expect(find(run({ affected: { 'US-SD': 250 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-SD': 251 } }), AG);
    expect(ag.required).toBe(true);
    expect(ag.sources?.some((s) => s.confirmed && /exceeds 250/.test(s.fact))).toBe(true);
  });

  it('S.D. Codified Laws 22-40-20: no likely harm, no notice to residents, but the attorney general is told first', () => {
    const list = run({ affected: { 'US-SD': 10 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, AG).required).toBe(true);
  });

  it('S.D. Codified Laws 22-40-19(1): encrypted data acquired with its key is a breach', () => {
    expect(find(run({ affected: { 'US-SD': 10 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-SD': 10 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('S.D. Codified Laws 22-40-19(4): a government-created identification number, health information and an employer ID count (confirmed)', () => {
    for (const el of ['passport', 'government_id', 'health', 'employee_id'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-SD': 10 } }), IND).required).toBe(true);
    const o = find(run({ affected: { 'US-SD': 10 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /22-40-19\(4\)/.test(s.fact))).toBe(true);
  });

  it('S.D. Codified Laws 22-40-19(4): biometric data alone with a name is not personal information', () => {
    expect(find(run({ dataElements: ['name', 'biometric'], affected: { 'US-SD': 10 } }), IND).required).toBe(false);
  });

  it('S.D. Codified Laws 22-40-22(3): substitute notice above $250,000 or 500,000 persons', () => {
    const sub = find(run({ affected: { 'US-SD': 10 } }), IND).substituteNotice;
    expect(sub).toMatchObject({ costOver: 250000, peopleOver: 500000, noContact: true });
    expect(sub?.means).toMatch(/statewide media/);
    expect(sub?.basis).toBe('S.D. Codified Laws § 22-40-22(3)');
  });
});
