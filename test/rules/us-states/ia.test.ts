import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ia:individuals:residents';
const AG = 'us-ia:regulator:attorney-general';

describe('Iowa Code §§ 715C.1-.2', () => {
  it('Iowa Code 715C.1(11): government-issued identification numbers and biometric data count with a name', () => {
    for (const el of ['passport', 'government_id', 'biometric'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-IA': 5 } }), IND).required).toBe(true);
    for (const el of ['health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-IA': 5 } }), IND).required).toBe(false);
  });

  it('Iowa Code 715C.1(11): encrypted data counts when the keys were obtained', () => {
    expect(find(run({ encrypted: true, affected: { 'US-IA': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-IA': 5 } }), IND).required).toBe(true);
  });

  it('Iowa Code 715C.2(6): no notice when no reasonable likelihood of financial harm', () => {
    const o = find(run({ affected: { 'US-IA': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/financial harm/);
  });

  it('Iowa Code 715C.2(8): Attorney General at 501 residents, not at 500, within 5 business days after the consumers', () => {
    expect(find(run({ affected: { 'US-IA': 500 } }), AG).required).toBe(false);
    const o = find(
      run({
        affected: { 'US-IA': 501 },
        noticesSent: [{ regime: 'us-ia', audience: 'individuals', at: '2026-03-06T18:00:00Z' }],
      }),
      AG,
    );
    expect(o.required).toBe(true);
    // Friday 6 March 12:00 CST + 5 business days = Friday 13 March, end of day CDT (UTC-5).
    expect(o.dueAt).toBe('2026-03-14T04:59:59.999Z');
  });

  it('Iowa Code 715C.2(3): an oral law enforcement request does not delay', () => {
    const o = find(
      run({
        affected: { 'US-IA': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(false);
  });

  it('Iowa Code 715C.2(5): description, date, type of data, CRA contacts and advice to report identity theft', () => {
    expect(find(run({ affected: { 'US-IA': 5 } }), IND).content).toEqual([
      'nature',
      'occurred_at',
      'categories_of_data',
      'toll_free_numbers',
      'police_report',
    ]);
  });

  it('Iowa Code 715C.2(4)(c): substitute notice above $250,000 or 350,000 consumers', () => {
    expect(find(run({ affected: { 'US-IA': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 350000,
      noContact: true,
    });
  });

  it('Iowa Code 715C: every fact is reported unconfirmed (the text of 715C.2 was not read)', () => {
    const o = find(run({ affected: { 'US-IA': 5 } }), IND);
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
    expect(run({ affected: { 'US-IA': 100000 } }).some((x) => x.id.startsWith('us-ia:credit_agencies'))).toBe(false);
  });
});
