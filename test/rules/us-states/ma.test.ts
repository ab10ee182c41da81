import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ma:individuals:residents';
const AG = 'us-ma:regulator:attorney-general';
const OCABR = 'us-ma:regulator:ocabr';

describe('Mass. Gen. Laws ch. 93H', () => {
  it.each([
    { el: 'national_id', covered: true },
    { el: 'drivers_license', covered: true },
    { el: 'financial_account', covered: true },
    { el: 'passport', covered: false },
    { el: 'health', covered: false },
    { el: 'account_credentials', covered: false },
  ])('Mass. Gen. Laws ch. 93H, 1(a): $el with a name covered: $covered', ({ el, covered }) => {
    expect(find(run({ dataElements: ['name', el], affected: { 'US-MA': 5 } }), IND).required).toBe(covered);
  });

  it('Mass. Gen. Laws ch. 93H, 1(a): encrypted data with the key is a breach; without it, none', () => {
    expect(find(run({ affected: { 'US-MA': 5 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-MA': 5 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /§ 1\(a\)\)$/.test(s.fact))).toBe(true);
  });

  it('Mass. Gen. Laws ch. 93H, 3(b): acquisition by an unauthorized person needs notice whatever the risk', () => {
    const list = run({ affected: { 'US-MA': 5 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(true);
    expect(find(list, AG).required).toBe(true);
    expect(find(list, OCABR).required).toBe(true);
  });

  it('Mass. Gen. Laws ch. 93H, 3(b): Attorney General and OCABR for a single resident, with the residents', () => {
    const list = run({ affected: { 'US-MA': 1 } });
    expect(find(list, AG).order).toBe('withIndividuals');
    expect(find(list, OCABR).order).toBe('withIndividuals');
    expect(find(list, AG).sources?.some((s) => s.confirmed && /3\(b\)/.test(s.fact))).toBe(true);
    expect(find(list, IND).dueAt).toBeNull();
  });

  it('Mass. Gen. Laws ch. 93H, 3(a): the one maintaining the data tells the owner', () => {
    const o = find(run({ affected: { 'US-MA': 5 }, role: 'processor' }), 'us-ma:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /3\(a\)/.test(s.fact))).toBe(true);
  });

  it('Mass. Gen. Laws ch. 93H, 4: the law enforcement delay needs the Attorney General notified in writing', () => {
    const o = find(run({ affected: { 'US-MA': 5 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /§ 4\)/.test(s.fact))).toBe(true);
    const hold = (form: string) =>
      find(run({ affected: { 'US-MA': 5 }, lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', form } }), IND)
        .holdMayDelay;
    expect(hold('written')).toBe(true);
    expect(hold('oral')).toBe(false);
  });

  it('Mass. Gen. Laws ch. 93H, 3A(a): 18 months of credit monitoring when Social Security numbers are involved', () => {
    const o = find(run({ affected: { 'US-MA': 5 } }), IND);
    expect(o.content).toContain('credit_monitoring_offer');
    expect(o.why).toMatch(/18 months/);
    const noSsn = find(run({ dataElements: ['name', 'drivers_license'], affected: { 'US-MA': 5 } }), IND);
    expect(noSsn.content).not.toContain('credit_monitoring_offer');
  });

  it('Mass. Gen. Laws ch. 93H, 3A before St. 2018, c. 444 (2019-04-11): no credit monitoring duty', () => {
    const o = find(run({ affected: { 'US-MA': 5 }, awarenessAt: '2019-01-15T15:00:00Z' }), IND);
    expect(o.content).not.toContain('credit_monitoring_offer');
  });

  it('Mass. Gen. Laws ch. 93H, 3(b): the notice tells of the police report and the security freeze, not the nature', () => {
    const o = find(run({ affected: { 'US-MA': 3 } }), IND);
    expect(o.content).toEqual(expect.arrayContaining(['police_report', 'security_freeze']));
    expect(o.content).not.toContain('nature');
  });

  it('Mass. Gen. Laws ch. 93H, 1(a) "notice" (iii): substitute notice above $250,000 or 500,000 residents', () => {
    const o = find(run({ affected: { 'US-MA': 5 } }), IND);
    expect(o.substituteNotice).toMatchObject({ costOver: 250000, peopleOver: 500000, noContact: true });
    expect(o.substituteNotice?.basis).toMatch(/93H, § 1\(a\)/);
  });
  it('Mass. Gen. Laws ch. 93H, 3(b): the notice must not state the nature of the breach or the number affected', () => {
    const o = find(run({ affected: { 'US-MA': 5 } }), 'us-ma:individuals:residents');
    expect(o.contentProhibited).toEqual(['nature', 'approximate_people']);
    // What is forbidden is never also required.
    expect(o.content.filter((c) => o.contentProhibited!.includes(c))).toEqual([]);
  });
});
