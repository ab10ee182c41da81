import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nc:individuals:residents';

describe('N.C. Gen. Stat. §§ 75-61, 75-65', () => {
  it('N.C. Gen. Stat. 75-65(a): online credentials and email addresses do not count, with or without a name', () => {
    expect(find(run({ affected: { 'US-NC': 3 }, dataElements: ['email', 'account_credentials'] }), IND).required).toBe(
      false,
    );
    expect(
      find(run({ affected: { 'US-NC': 3 }, dataElements: ['name', 'email', 'account_credentials'] }), IND).required,
    ).toBe(false);
  });

  it("N.C. Gen. Stat. 75-65(a): a parent's surname before marriage does not count", () => {
    expect(find(run({ affected: { 'US-NC': 3 }, dataElements: ['name', 'mothers_maiden_name'] }), IND).required).toBe(
      false,
    );
  });

  it('N.C. Gen. Stat. 75-61(10), 14-113.20(b): passports, biometric data and digital signatures count with a name', () => {
    for (const e of ['passport', 'biometric', 'electronic_signature'])
      expect(find(run({ affected: { 'US-NC': 3 }, dataElements: ['name', e] }), IND).required).toBe(true);
    expect(
      find(run({ affected: { 'US-NC': 3 } }), IND).sources?.some((s) => s.confirmed && /75-65\(a\)/.test(s.fact)),
    ).toBe(true);
  });

  it('N.C. Gen. Stat. 75-65(a): without unreasonable delay, no fixed days', () => {
    expect(find(run({ affected: { 'US-NC': 3 } }), IND).dueAt).toBeNull();
  });

  it('N.C. Gen. Stat. 75-61(14): no notice when illegal use is not reasonably likely and there is no material risk of harm', () => {
    expect(find(run({ affected: { 'US-NC': 3 }, riskLevel: 'none' }), IND).required).toBe(false);
  });

  it('N.C. Gen. Stat. 75-65(b): a business holding data for its owner notifies it immediately following discovery', () => {
    const o = find(run({ affected: { 'US-NC': 3 }, role: 'processor' }), 'us-nc:controller:owner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /75-65\(b\)/.test(s.fact))).toBe(true);
  });

  it('N.C. Gen. Stat. 75-65(c): a law enforcement agency informing the business delays notice', () => {
    expect(
      find(run({ affected: { 'US-NC': 3 } }), IND).sources?.some((s) => s.confirmed && /75-65\(c\)/.test(s.fact)),
    ).toBe(true);
  });

  it('N.C. Gen. Stat. 75-65(e1) (chart): the Consumer Protection Division for any notified resident', () => {
    expect(find(run({ affected: { 'US-NC': 1 } }), 'us-nc:regulator:attorney-general').required).toBe(true);
  });

  it('N.C. Gen. Stat. 75-65(f) (chart value): consumer reporting agencies at 1,001, not 1,000', () => {
    expect(find(run({ affected: { 'US-NC': 1000 } }), 'us-nc:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-NC': 1001 } }), 'us-nc:credit_agencies:nationwide-cras').required).toBe(true);
  });
});
