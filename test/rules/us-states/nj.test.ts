import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-nj:individuals:residents';
const SP = 'us-nj:regulator:state-police';

describe('N.J. Stat. §§ 56:8-161 to -166', () => {
  it('N.J.S.A. 56:8-163(c)(1): the State Police are told before the customers, for any breach', () => {
    const o = find(run({ affected: { 'US-NJ': 1 } }), SP);
    expect(o.required).toBe(true);
    expect(o.order).toBe('beforeIndividuals');
    expect(o.sources?.some((s) => s.confirmed && /56:8-163\(c\)\(1\)/.test(s.fact))).toBe(true);
  });

  it('N.J.S.A. 56:8-161: encrypted data is no breach; the key is not mentioned, so a compromised key counts as unencrypted', () => {
    expect(find(run({ affected: { 'US-NJ': 3 }, encrypted: true }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-NJ': 3 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
    expect(o.sources?.some((s) => s.confirmed && /56:8-161/.test(s.fact))).toBe(true);
  });

  it('N.J.S.A. 56:8-163(a): no disclosure when misuse is not reasonably possible; no State Police report then', () => {
    const list = run({ affected: { 'US-NJ': 3 }, riskLevel: 'none' });
    expect(find(list, IND).required).toBe(false);
    expect(find(list, SP).required).toBe(false);
  });

  it('P.L.2019, c.95 (effective 1 September 2019): online credentials count from that date, not before', () => {
    const creds = { affected: { 'US-NJ': 3 }, dataElements: ['email', 'account_credentials'] };
    expect(find(run({ ...creds, awarenessAt: '2019-08-30T15:00:00Z' }), IND).required).toBe(false);
    expect(find(run({ ...creds, awarenessAt: '2019-09-02T15:00:00Z' }), IND).required).toBe(true);
  });

  it('N.J.S.A. 56:8-161: biometric data, passports and health data are not personal information', () => {
    for (const e of ['biometric', 'passport', 'health'])
      expect(find(run({ affected: { 'US-NJ': 3 }, dataElements: ['name', e] }), IND).required).toBe(false);
  });

  it('N.J.S.A. 56:8-163(f) (chart value): consumer reporting agencies at 1,001, not 1,000', () => {
    expect(find(run({ affected: { 'US-NJ': 1000 } }), 'us-nj:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-NJ': 1001 } }), 'us-nj:credit_agencies:nationwide-cras').required).toBe(true);
  });

  it('N.J.S.A. 56:8-163(d)(3) (chart values): substitute notice above $250,000 or 500,000 residents', () => {
    expect(find(run({ affected: { 'US-NJ': 3 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
    });
  });
});
