import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-tn:individuals:residents';
const CRA = 'us-tn:credit_agencies:nationwide-cras';

describe('Tenn. Code § 47-18-2107', () => {
  it('Tenn. Code 47-18-2107(a)(1): no risk-of-harm test; a none risk does not excuse notice (confirmed)', () => {
    const o = find(run({ affected: { 'US-TN': 10 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /47-18-2107\(a\)\(1\)/.test(s.fact))).toBe(true);
  });

  it('Tenn. Code 47-18-2107(a)(1): encrypted data acquired with its key is a breach', () => {
    expect(find(run({ affected: { 'US-TN': 10 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-TN': 10 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('Tenn. Code 47-18-2107(b): residents within 45 days of discovery (unconfirmed)', () => {
    const o = find(run({ affected: { 'US-TN': 10 } }), IND);
    // 6 March 04:00 EST + 45 days = 20 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /45 days/.test(s.fact))).toBe(false);
  });

  it('Tenn. Code 47-18-2107: consumer reporting agencies above 1,000: 1,001 yes, 1,000 no', () => {
    expect(find(run({ affected: { 'US-TN': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-TN': 1001 } }), CRA).required).toBe(true);
  });

  it('Tenn. Code 47-18-2107(a)(3): a passport or health information with a name is not personal information', () => {
    for (const el of ['passport', 'health'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-TN': 10 } }), IND).required).toBe(false);
  });

  it('Tenn. Code 47-18-2107: no state regulator notice', () => {
    expect(
      run({ affected: { 'US-TN': 5000 } }).some((o) => o.audience === 'regulator' && o.id.startsWith('us-tn')),
    ).toBe(false);
  });
});
