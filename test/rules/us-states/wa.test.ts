import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const WA = (n: number, over: object = {}) => run({ affected: { 'US-WA': n }, ...over });
const residents = 'us-wa:individuals:residents';
const AG = 'us-wa:regulator:attorney-general';

describe('Wash. Rev. Code §§ 19.255.005, 19.255.010', () => {
  it('RCW 19.255.005(2)(a)(i): date of birth, private key, student/military/passport ID, health and biometrics count with a name, confirmed', () => {
    for (const el of [
      'date_of_birth',
      'electronic_signature',
      'government_id',
      'passport',
      'health',
      'health_insurance',
      'biometric',
    ])
      expect(find(WA(10, { dataElements: ['name', el] }), residents).required).toBe(true);
    expect(find(WA(10, { dataElements: ['name', 'genetic'] }), residents).required).toBe(false);
    expect(find(WA(10), residents).sources?.some((s) => s.confirmed && /19\.255\.005\(2\)/.test(s.fact))).toBe(true);
  });

  it('RCW 19.255.005(2)(a)(ii): user name or email with password counts alone', () => {
    expect(find(WA(10, { dataElements: ['account_credentials'] }), residents).required).toBe(true);
  });

  it('RCW 19.255.010(8): residents within 30 days of discovery', () => {
    // 6 March 01:00 PST + 30 days = 5 April, end of day PDT (UTC-7).
    expect(find(WA(10), residents).dueAt).toBe('2026-04-06T06:59:59.999Z');
  });

  it('RCW 19.255.010(7): Attorney General within 30 days when more than 500 residents, not at 500', () => {
    const o = find(WA(501), AG);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-04-06T06:59:59.999Z');
    expect(find(WA(500), AG).required).toBe(false);
  });

  it('RCW 19.255.010 before HB 1071 (2020-03-01): 45 days and the narrow definition', () => {
    const before = { awarenessAt: '2019-06-01T12:00:00Z' };
    // 1 June 05:00 PDT + 45 days = 16 July, end of day PDT (UTC-7).
    expect(find(WA(501, before), residents).dueAt).toBe('2019-07-17T06:59:59.999Z');
    expect(find(WA(501, before), AG).dueAt).toBe('2019-07-17T06:59:59.999Z');
    expect(find(WA(10, { ...before, dataElements: ['name', 'date_of_birth'] }), residents).required).toBe(false);
    expect(find(WA(10, { ...before, dataElements: ['account_credentials'] }), residents).required).toBe(false);
  });

  it('RCW 19.255.010(1): no notice when not reasonably likely to subject consumers to a risk of harm', () => {
    expect(find(WA(10, { riskLevel: 'none' }), residents).required).toBe(false);
  });
});
