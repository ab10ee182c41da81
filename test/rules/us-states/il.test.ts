import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-il:individuals:residents';
const AG = 'us-il:regulator:attorney-general';

describe('815 ILCS 530', () => {
  it('815 ILCS 530/5: medical, health insurance and biometric data with a name; online credentials alone', () => {
    for (const el of ['health', 'health_insurance', 'biometric'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-IL': 5 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['account_credentials'], affected: { 'US-IL': 5 } }), IND).required).toBe(true);
  });

  it('815 ILCS 530/5: a passport or taxpayer number is not personal information (over-included before)', () => {
    for (const el of ['passport', 'tax_id'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-IL': 5 } }), IND).required).toBe(false);
  });

  it('815 ILCS 530/5: encrypted data counts when the keys were acquired', () => {
    expect(find(run({ encrypted: true, affected: { 'US-IL': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-IL': 5 } }), IND).required).toBe(true);
  });

  it('815 ILCS 530/10(a): most expedient time, no risk-of-harm exemption', () => {
    const o = find(run({ affected: { 'US-IL': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /530\/10\(a\)/.test(s.fact))).toBe(true);
  });

  it('815 ILCS 530/10(a)(1): CRA and FTC contacts and fraud alert and security freeze information', () => {
    const o = find(run({ affected: { 'US-IL': 5 } }), IND);
    expect(o.content).toEqual(['toll_free_numbers', 'regulator_contacts', 'fraud_alert', 'security_freeze']);
    expect(o.content).not.toContain('approximate_people');
  });

  it('815 ILCS 530/10(e): Attorney General at 501 residents, not at 500, no later than the residents', () => {
    expect(find(run({ affected: { 'US-IL': 500 } }), AG).required).toBe(false);
    const o = find(run({ affected: { 'US-IL': 501 } }), AG);
    expect(o.required).toBe(true);
    expect(o.order).toBe('withIndividuals');
  });

  it('815 ILCS 530/10(e) as added by SB 1624: no Attorney General notice before 2020-01-01', () => {
    expect(run({ affected: { 'US-IL': 5000 }, awarenessAt: '2019-10-01T12:00:00Z' }).some((o) => o.id === AG)).toBe(
      false,
    );
  });

  it('815 ILCS 530/10(b-5): an oral law enforcement request does not delay the notice', () => {
    const o = find(
      run({
        affected: { 'US-IL': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(false);
  });

  it('815 ILCS 530/10(c): substitute notice above $250,000 or 500,000 persons', () => {
    const o = find(run({ affected: { 'US-IL': 5 } }), IND);
    expect(o.substituteNotice).toMatchObject({ costOver: 250000, peopleOver: 500000, noContact: true });
  });

  it('815 ILCS 530/10(b): a data collector maintaining the data tells the owner immediately', () => {
    const o = find(run({ role: 'processor', affected: { 'US-IL': 5 } }), 'us-il:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
  });

  it('815 ILCS 530: no consumer reporting agency notice for a business', () => {
    expect(run({ affected: { 'US-IL': 100000 } }).some((o) => o.id.startsWith('us-il:credit_agencies'))).toBe(false);
  });
  it('815 ILCS 530/10(a)(1): the notice must not state the number of Illinois residents affected', () => {
    const o = find(run({ affected: { 'US-IL': 5 } }), 'us-il:individuals:residents');
    expect(o.contentProhibited).toEqual(['approximate_people']);
    expect(o.content).not.toContain('approximate_people');
    // A state without such a rule forbids nothing.
    expect(find(run({ affected: { 'US-TX': 5 } }), 'us-tx:individuals:residents').contentProhibited).toBeUndefined();
  });
});
