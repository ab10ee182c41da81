import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nv:individuals:residents';
const CRA = 'us-nv:credit_agencies:nationwide-cras';

describe('Nev. Rev. Stat. §§ 603A.010-.290', () => {
  it('NRS 603A.040(1)(d): a health insurance identification number counts with a name', () => {
    expect(find(run({ affected: { 'US-NV': 3 }, dataElements: ['name', 'health_insurance'] }), IND).required).toBe(
      true,
    );
    expect(find(run({ affected: { 'US-NV': 3 }, dataElements: ['name', 'health'] }), IND).required).toBe(false);
  });

  it('NRS 603A.040(1)(e): online credentials count only with the name', () => {
    expect(find(run({ affected: { 'US-NV': 3 }, dataElements: ['name', 'account_credentials'] }), IND).required).toBe(
      true,
    );
    expect(find(run({ affected: { 'US-NV': 3 }, dataElements: ['email', 'account_credentials'] }), IND).required).toBe(
      false,
    );
  });

  it('NRS 603A.040(1): biometric data and passports are not personal information', () => {
    expect(find(run({ affected: { 'US-NV': 3 }, dataElements: ['name', 'biometric', 'passport'] }), IND).required).toBe(
      false,
    );
    const o = find(run({ affected: { 'US-NV': 3 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /603A\.040\(1\)/.test(s.fact))).toBe(true);
  });

  it('NRS 603A.220(1): no risk-of-harm exemption; most expedient time, no fixed days', () => {
    const o = find(run({ affected: { 'US-NV': 3 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /603A\.220\(1\)/.test(s.fact))).toBe(true);
  });

  it('NRS 603A.220(1): encrypted data excluded; the key is not mentioned, so a compromised key is treated as unencrypted', () => {
    expect(find(run({ affected: { 'US-NV': 3 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-NV': 3 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('NRS 603A.220(2): a maintainer notifies the owner immediately following discovery', () => {
    const o = find(run({ affected: { 'US-NV': 3 }, role: 'processor' }), 'us-nv:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /603A\.220\(2\)/.test(s.fact))).toBe(true);
  });

  it('NRS 603A.220(3): an oral law enforcement determination is enough to delay', () => {
    const o = find(run({ affected: { 'US-NV': 3 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /603A\.220\(3\)/.test(s.fact))).toBe(true);
  });

  it('NRS 603A.220(6) (chart value): consumer reporting agencies at 1,001, not 1,000', () => {
    expect(find(run({ affected: { 'US-NV': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-NV': 1001 } }), CRA).required).toBe(true);
  });

  it('NRS 603A.220(4)(c) (chart values): substitute notice above $250,000 or 500,000 residents', () => {
    const o = find(run({ affected: { 'US-NV': 3 } }), IND);
    expect(o.substituteNotice).toMatchObject({ costOver: 250000, peopleOver: 500000, noContact: true });
  });

  it('Nev. Rev. Stat. ch. 603A: no state regulator notice', () => {
    expect(run({ affected: { 'US-NV': 100000 } }).some((o) => o.id.startsWith('us-nv:regulator'))).toBe(false);
  });
});
