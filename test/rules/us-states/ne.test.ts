import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ne:individuals:residents';
const AG = 'us-ne:regulator:attorney-general';

describe('Neb. Rev. Stat. §§ 87-801 to -808', () => {
  it('Neb. Rev. Stat. 87-803(1): no notice when unauthorized use has not occurred and is not reasonably likely', () => {
    expect(find(run({ affected: { 'US-NE': 3 }, riskLevel: 'none' }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NE': 3 } }), IND).required).toBe(true);
  });

  it('Neb. Rev. Stat. 87-803(1): as soon as possible and without unreasonable delay, no fixed days', () => {
    const o = find(run({ affected: { 'US-NE': 3 } }), IND);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /87-803\(1\)/.test(s.fact))).toBe(true);
  });

  it('Neb. Rev. Stat. 87-803(2): Attorney General notified for any notifiable breach, no later than residents', () => {
    const list = run({ affected: { 'US-NE': 1 } });
    const o = find(list, AG);
    expect(o.required).toBe(true);
    expect(o.order).toBe('withIndividuals');
    expect(o.sources?.some((s) => s.confirmed && /87-803\(2\)/.test(s.fact))).toBe(true);
    expect(find(run({ affected: { 'US-NE': 1 }, riskLevel: 'none' }), AG).required).toBe(false);
  });

  it('Neb. Rev. Stat. 87-803(3): a maintainer notifies the owner, without a fixed number of days', () => {
    const o = find(run({ affected: { 'US-NE': 3 }, role: 'processor' }), 'us-ne:controller:owner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /87-803\(3\)/.test(s.fact))).toBe(true);
  });

  it('Neb. Rev. Stat. 87-802(3): encrypted data counts when the key was acquired', () => {
    expect(find(run({ affected: { 'US-NE': 3 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NE': 3 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('Neb. Rev. Stat. 87-802(5): biometric data with a name; credentials alone; date of birth not covered', () => {
    expect(find(run({ affected: { 'US-NE': 3 }, dataElements: ['name', 'biometric'] }), IND).required).toBe(true);
    expect(find(run({ affected: { 'US-NE': 3 }, dataElements: ['account_credentials'] }), IND).required).toBe(true);
    expect(find(run({ affected: { 'US-NE': 3 }, dataElements: ['name', 'date_of_birth'] }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NE': 3 }, dataElements: ['name', 'passport'] }), IND).required).toBe(false);
  });

  it('Neb. Rev. Stat. 87-802(4)(d): substitute notice above $75,000 or 100,000 residents (chart values)', () => {
    const o = find(run({ affected: { 'US-NE': 3 } }), IND);
    expect(o.substituteNotice).toMatchObject({ costOver: 75000, peopleOver: 100000, noContact: true });
    expect(o.substituteNotice?.basis).toMatch(/87-802\(4\)\(d\)/);
  });

  it('Neb. Rev. Stat. §§ 87-801 to -808: no consumer reporting agency notice', () => {
    expect(run({ affected: { 'US-NE': 100000 } }).some((o) => o.id === 'us-ne:credit_agencies:nationwide-cras')).toBe(
      false,
    );
  });
});
