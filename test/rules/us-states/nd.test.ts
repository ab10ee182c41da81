import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nd:individuals:residents';
const AG = 'us-nd:regulator:attorney-general';

describe('N.D. Cent. Code §§ 51-30-01 to -07', () => {
  it('N.D. Cent. Code 51-30-01: date of birth, mother’s maiden name, medical and health insurance information, employer ID and electronic signature count with a name', () => {
    for (const e of [
      'date_of_birth',
      'mothers_maiden_name',
      'health',
      'health_insurance',
      'employee_id',
      'electronic_signature',
    ])
      expect(find(run({ affected: { 'US-ND': 3 }, dataElements: ['name', e] }), IND).required).toBe(true);
  });

  it('N.D. Cent. Code 51-30-01: biometric data and online credentials are not personal information', () => {
    expect(find(run({ affected: { 'US-ND': 3 }, dataElements: ['name', 'biometric'] }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-ND': 3 }, dataElements: ['email', 'account_credentials'] }), IND).required).toBe(
      false,
    );
    expect(
      find(run({ affected: { 'US-ND': 3 } }), IND).sources?.some((s) => s.confirmed && /51-30-01/.test(s.fact)),
    ).toBe(true);
  });

  it('N.D. Cent. Code 51-30-01: the key is not mentioned, so a compromised key is treated as unencrypted', () => {
    expect(find(run({ affected: { 'US-ND': 3 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-ND': 3 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('N.D. Cent. Code 51-30-02: no risk-of-harm exemption; most expedient time, no fixed days', () => {
    const o = find(run({ affected: { 'US-ND': 3 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
  });

  it('N.D. Cent. Code 51-30-02: Attorney General when the breach exceeds 250 individuals: at 251, not 250', () => {
    expect(find(run({ affected: { 'US-ND': 250 } }), AG).required).toBe(false);
    const o = find(run({ affected: { 'US-ND': 251 } }), AG);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /51-30-02/.test(s.fact))).toBe(true);
  });

  it('N.D. Cent. Code 51-30-03: a maintainer notifies the owner immediately following discovery', () => {
    const o = find(run({ affected: { 'US-ND': 3 }, role: 'processor' }), 'us-nd:controller:owner');
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /51-30-03/.test(s.fact))).toBe(true);
  });

  it('N.D. Cent. Code ch. 51-30: no consumer reporting agency notice', () => {
    expect(run({ affected: { 'US-ND': 100000 } }).some((o) => o.id === 'us-nd:credit_agencies:nationwide-cras')).toBe(
      false,
    );
  });
});
