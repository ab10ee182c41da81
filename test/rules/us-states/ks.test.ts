import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ks:individuals:residents';
const CRA = 'us-ks:credit_agencies:nationwide-cras';

describe('Kan. Stat. §§ 50-7a01 to -7a04', () => {
  it('Kan. Stat. 50-7a01(g): name with SSN is covered; passport, health data and credentials are not', () => {
    expect(find(run({ affected: { 'US-KS': 5 } }), IND).required).toBe(true);
    for (const el of ['passport', 'health', 'account_credentials'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-KS': 5 } }), IND).required).toBe(false);
  });

  it('Kan. Stat. 50-7a01(h): unencrypted data only; the key is not mentioned', () => {
    expect(find(run({ encrypted: true, affected: { 'US-KS': 5 } }), IND).required).toBe(false);
    expect(find(run({ encrypted: true, keyCompromised: true, affected: { 'US-KS': 5 } }), IND).why).toMatch(
      /does not mention the key/,
    );
  });

  it('Kan. Stat. 50-7a02(a): no notice where misuse is not reasonably likely; otherwise most expedient time', () => {
    expect(find(run({ affected: { 'US-KS': 5 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-KS': 5 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /50-7a02\(a\)/.test(s.fact))).toBe(true);
    // The list of elements stays unconfirmed.
    expect(o.unconfirmedFacts?.length).toBeGreaterThan(0);
  });

  it('Kan. Stat. 50-7a02(c): an oral law enforcement determination delays the notice', () => {
    const o = find(
      run({
        affected: { 'US-KS': 5 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Kan. Stat. 50-7a02(b): a person maintaining the data notifies the owner following discovery', () => {
    const o = find(run({ role: 'processor', affected: { 'US-KS': 5 } }), 'us-ks:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /50-7a02\(b\)/.test(s.fact))).toBe(true);
  });

  it('Kan. Stat. 50-7a02(f): consumer reporting agencies at 1,001 consumers, not at 1,000', () => {
    expect(find(run({ affected: { 'US-KS': 1000 } }), CRA).required).toBe(false);
    const o = find(run({ affected: { 'US-KS': 1001 } }), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
  });

  it('Kan. Stat. 50-7a01(c)(3): substitute notice above $100,000 or 5,000 consumers', () => {
    expect(find(run({ affected: { 'US-KS': 5 } }), IND).substituteNotice).toMatchObject({
      costOver: 100000,
      peopleOver: 5000,
      noContact: true,
    });
  });
});
