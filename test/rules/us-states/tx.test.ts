import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-tx:individuals:residents';
const AG = 'us-tx:regulator:attorney-general';
const CRA = 'us-tx:credit_agencies:nationwide-cras';

describe('Tex. Bus. & Com. Code § 521.053', () => {
  it('Tex. Bus. & Com. Code 521.053(b): individuals within 60 days of the determination (confirmed)', () => {
    const o = find(run({ affected: { 'US-TX': 10 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }), IND);
    // determined 10 March (10:00 CDT) + 60 days = 9 May, end of day CDT (UTC-5).
    expect(o.dueAt).toBe('2026-05-10T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /60th day/.test(s.fact))).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.053(b): before H.B. 4390 (2020-01-01) no fixed number of days', () => {
    expect(find(run({ affected: { 'US-TX': 10 }, awarenessAt: '2019-06-01T12:00:00Z' }), IND).dueAt).toBeNull();
  });

  it('Tex. Bus. & Com. Code 521.053(b): no risk-of-harm exemption', () => {
    expect(find(run({ affected: { 'US-TX': 10 }, riskLevel: 'none' }), IND).required).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.053(a): encrypted data accessed with the key is a breach', () => {
    expect(find(run({ affected: { 'US-TX': 10 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-TX': 10 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.053(i): Attorney General at 250 residents, not at 249, within 30 days of the determination (unconfirmed)', () => {
    expect(find(run({ affected: { 'US-TX': 249 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-TX': 250 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }), AG);
    expect(ag.required).toBe(true);
    // determined 10 March + 30 days = 9 April, end of day CDT (UTC-5).
    expect(ag.dueAt).toBe('2026-04-10T04:59:59.999Z');
    expect(ag.sources?.some((s) => s.confirmed && /Attorney General/.test(s.fact))).toBe(false);
  });

  it('Tex. Bus. & Com. Code 521.053(i): 60 days for the Attorney General under H.B. 4390, before S.B. 768 (2023-09-01)', () => {
    const ag = find(
      run({
        affected: { 'US-TX': 300 },
        awarenessAt: '2022-03-01T15:00:00Z',
        determinations: { notifiableAt: '2022-03-01T15:00:00Z' },
      }),
      AG,
    );
    // 1 March 2022 (09:00 CST) + 60 days = 30 April, end of day CDT (UTC-5).
    expect(ag.dueAt).toBe('2022-05-01T04:59:59.999Z');
    expect(ag.sources?.some((s) => s.confirmed && /at least 250/.test(s.fact))).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.053(h): consumer reporting agencies above 10,000', () => {
    expect(find(run({ affected: { 'US-TX': 10000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-TX': 10001 } }), CRA).required).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.002(a)(2): government-issued identification numbers and health information (confirmed)', () => {
    for (const el of ['passport', 'government_id', 'health'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-TX': 10 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['email', 'health'], affected: { 'US-TX': 10 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'biometric'], affected: { 'US-TX': 10 } }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-TX': 10 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /521\.002\(a\)\(2\)/.test(s.fact))).toBe(true);
  });
});
