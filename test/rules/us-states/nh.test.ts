import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nh:individuals:residents';
const AG = 'us-nh:regulator:attorney-general';

describe('N.H. Rev. Stat. §§ 359-C:19-21', () => {
  it('RSA 359-C:19, IV(a)(2): other government identification numbers count with a name', () => {
    for (const e of ['government_id', 'passport'])
      expect(find(run({ affected: { 'US-NH': 3 }, dataElements: ['name', e] }), IND).required).toBe(true);
  });

  it('RSA 359-C:19, IV: biometric data, health data and credentials are not personal information', () => {
    for (const e of ['biometric', 'health', 'account_credentials'])
      expect(find(run({ affected: { 'US-NH': 3 }, dataElements: ['name', e] }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-NH': 3 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /359-C:19, IV/.test(s.fact))).toBe(true);
  });

  it('RSA 359-C:19, II: encrypted data counts when acquired with its key', () => {
    expect(find(run({ affected: { 'US-NH': 3 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NH': 3 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('RSA 359-C:20, I(a): no notice when misuse is not reasonably likely; as soon as possible otherwise', () => {
    expect(find(run({ affected: { 'US-NH': 3 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-NH': 3 } }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /359-C:20, I\(a\)/.test(s.fact))).toBe(true);
  });

  it('RSA 359-C:20, I(b): the Attorney General (or primary regulator) for a single resident', () => {
    const o = find(run({ affected: { 'US-NH': 1 } }), AG);
    expect(o.required).toBe(true);
    expect(o.recipient).toMatch(/primary regulator/);
    expect(o.sources?.some((s) => s.confirmed && /359-C:20, I\(b\)/.test(s.fact))).toBe(true);
  });

  it('RSA 359-C:20, I(c): a maintainer notifies the owner immediately following discovery', () => {
    const o = find(run({ affected: { 'US-NH': 3 }, role: 'processor' }), 'us-nh:controller:owner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /359-C:20, I\(c\)/.test(s.fact))).toBe(true);
  });

  it('RSA 359-C:20, VI (chart value): consumer reporting agencies at 1,001, not 1,000', () => {
    expect(find(run({ affected: { 'US-NH': 1000 } }), 'us-nh:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-NH': 1001 } }), 'us-nh:credit_agencies:nationwide-cras').required).toBe(true);
  });

  it('RSA 359-C:20, III(d) (chart values): substitute notice above $5,000 or 1,000 residents', () => {
    const o = find(run({ affected: { 'US-NH': 3 } }), IND);
    expect(o.substituteNotice).toMatchObject({ costOver: 5000, peopleOver: 1000, noContact: true });
  });
});
