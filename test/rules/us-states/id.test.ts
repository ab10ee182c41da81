import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-id:individuals:residents';

describe('Idaho Code §§ 28-51-104 to -107', () => {
  it('Idaho Code 28-51-104(5): name with SSN is covered; passport, health data and credentials are not', () => {
    expect(find(run({ affected: { 'US-ID': 5 } }), IND).required).toBe(true);
    for (const el of ['passport', 'health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-ID': 5 } }), IND).required).toBe(false);
  });

  it('Idaho Code 28-51-104(2): unencrypted data only; the key is not mentioned', () => {
    expect(find(run({ encrypted: true, affected: { 'US-ID': 5 } }), IND).required).toBe(false);
    const o = find(run({ encrypted: true, keyCompromised: true, affected: { 'US-ID': 5 } }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
  });

  it('Idaho Code 28-51-105(1): no notice where misuse is not reasonably likely; otherwise most expedient time', () => {
    expect(find(run({ affected: { 'US-ID': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-ID': 5 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.unconfirmedFacts?.length).toBeGreaterThan(0);
  });

  it('Idaho Code 28-51-104(4)(d): substitute notice above $25,000 or 50,000 residents', () => {
    expect(find(run({ affected: { 'US-ID': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 25000,
      peopleOver: 50000,
      noContact: true,
      basis: 'Idaho Code § 28-51-104(4)(d)',
    });
  });

  it('Idaho Code 28-51-105: no regulator or consumer reporting agency notice for a business', () => {
    const list = run({ affected: { 'US-ID': 100000 } });
    expect(list.filter((o) => o.id.startsWith('us-id:')).map((o) => o.id)).toEqual([IND]);
  });

  it('Idaho Code 28-51-105(2): a person maintaining the data tells the owner immediately', () => {
    const o = find(run({ role: 'processor', affected: { 'US-ID': 5 } }), 'us-id:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
  });
});
