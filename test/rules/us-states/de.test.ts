import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 04:00 EST in Delaware.
const DE = (n: number, over: object = {}) => ({ affected: { 'US-DE': n }, ...over });
const IND = 'us-de:individuals:residents';
const AG = 'us-de:regulator:attorney-general';

describe('Del. Code tit. 6, §§ 12B-101 to -104', () => {
  it('Del. Code tit. 6, 12B-102(c): 60 days after determination of the breach', () => {
    const o = find(run(DE(10)), IND);
    // 6 March 04:00 EST + 60 days = 5 May, end of day EDT (UTC-4) → 2026-05-06T03:59:59.999Z.
    expect(o.dueAt).toBe('2026-05-06T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /12B-102\(a\), \(c\)/.test(s.fact))).toBe(true);
  });

  it('Del. Code tit. 6, 12B-102(a): no notice when harm is unlikely', () => {
    expect(find(run(DE(10, { riskLevel: 'none' })), IND).required).toBe(false);
  });

  it('Del. Code tit. 6, 12B-101(1)b: encrypted data counts when the key was acquired', () => {
    expect(find(run(DE(10, { encrypted: true })), IND).required).toBe(false);
    expect(find(run(DE(10, { encrypted: true, keyCompromised: true })), IND).required).toBe(true);
  });

  it('Del. Code tit. 6, 12B-102(b): a maintainer notifies the owner immediately', () => {
    const o = find(run(DE(10, { role: 'processor' })), 'us-de:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /12B-102\(b\)/.test(s.fact))).toBe(true);
  });

  it('Del. Code tit. 6, 12B-102(c)(2): a law enforcement request delays notice without being written', () => {
    const o = find(
      run(DE(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } })),
      IND,
    );
    expect(o.holdMayDelay).toBe(true);
  });

  it('Del. Code tit. 6, 12B-102(d): Attorney General when more than 500 (501), not at 500', () => {
    expect(find(run(DE(500)), AG).required).toBe(false);
    expect(find(run(DE(501)), AG).required).toBe(true);
  });

  it('Del. Code tit. 6, 12B-102(e): one year of credit monitoring for SSNs', () => {
    expect(find(run(DE(10)), IND).content).toContain('credit_monitoring_offer');
  });

  it('Del. Code tit. 6, 12B-101(5)d: substitute notice over $75,000 or 100,000 residents', () => {
    const sub = find(run(DE(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(75000);
    expect(sub?.peopleOver).toBe(100000);
  });

  it.each([
    { els: ['name', 'account_credentials'], required: true },
    { els: ['account_credentials'], required: false },
    { els: ['name', 'genetic'], required: true },
    { els: ['name', 'government_id'], required: true },
    { els: ['name', 'tax_id'], required: true },
    { els: ['name', 'date_of_birth'], required: false },
  ])('Del. Code tit. 6, 12B-101(7): $els → notice required: $required', ({ els, required }) => {
    expect(find(run(DE(10, { dataElements: els })), IND).required).toBe(required);
  });
});
