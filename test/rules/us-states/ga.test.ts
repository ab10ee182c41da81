import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ga:individuals:residents';
const CRA = 'us-ga:credit_agencies:nationwide-cras';

describe('Ga. Code §§ 10-1-910 to -912', () => {
  it('Ga. Code 10-1-911(6): name with SSN, licence or account passwords is covered; a passport number is not', () => {
    expect(find(run({ affected: { 'US-GA': 5 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'account_credentials'], affected: { 'US-GA': 5 } }), IND).required).toBe(
      true,
    );
    expect(find(run({ dataElements: ['name', 'passport'], affected: { 'US-GA': 5 } }), IND).required).toBe(false);
    expect(find(run({ dataElements: ['name', 'health'], affected: { 'US-GA': 5 } }), IND).required).toBe(false);
  });

  it('Ga. Code 10-1-911(6): encrypted data is excluded; the key is not mentioned', () => {
    expect(find(run({ encrypted: true, affected: { 'US-GA': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-GA': 5 } }), IND).why).toMatch(
      /does not mention the key/,
    );
  });

  it('Ga. Code 10-1-912(a): most expedient time, no fixed days, no risk-of-harm exemption', () => {
    const o = find(run({ affected: { 'US-GA': 5 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /10-1-912\(a\)/.test(s.fact))).toBe(true);
  });

  it('Ga. Code 10-1-912(b): a person maintaining the data tells the owner within 24 hours of discovery', () => {
    const o = find(run({ role: 'processor', affected: { 'US-GA': 10 } }), 'us-ga:controller:owner');
    // 2026-03-06T09:00Z + 24 hours.
    expect(o.dueAt).toBe('2026-03-07T09:00:00.000Z');
    expect(o.sources?.some((s) => s.confirmed && /10-1-912\(b\)/.test(s.fact))).toBe(true);
  });

  it('Ga. Code 10-1-912(c): an oral law enforcement request delays the notice', () => {
    const o = find(
      run({
        affected: { 'US-GA': 10 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Ga. Code 10-1-912(d): consumer reporting agencies at 10,001 residents, not at 10,000', () => {
    expect(find(run({ affected: { 'US-GA': 10000 } }), CRA).required).toBe(false);
    const o = find(run({ affected: { 'US-GA': 10001 } }), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /10-1-912\(d\)/.test(s.fact))).toBe(true);
  });

  it('Ga. Code 10-1-911(4)(D): substitute notice above $50,000 or 100,000 people', () => {
    expect(find(run({ affected: { 'US-GA': 10 } }), IND).substituteNotice).toMatchObject({
      costOver: 50000,
      peopleOver: 100000,
      noContact: true,
    });
  });

  it('Ga. Code 10-1-912: no regulator notice', () => {
    expect(run({ affected: { 'US-GA': 100000 } }).some((o) => o.id.startsWith('us-ga:regulator'))).toBe(false);
  });
});
