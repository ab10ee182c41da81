import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 04:00 EST in Connecticut.
const CT = (n: number, over: object = {}) => ({ affected: { 'US-CT': n }, ...over });
const IND = 'us-ct:individuals:residents';
const AG = 'us-ct:regulator:attorney-general';

describe('Conn. Gen. Stat. § 36a-701b', () => {
  it('Conn. Gen. Stat. 36a-701b(b) (PA 21-59): 60 days after discovery', () => {
    // 6 March 04:00 EST + 60 days = 5 May, end of day EDT (UTC-4) → 2026-05-06T03:59:59.999Z.
    expect(find(run(CT(10)), IND).dueAt).toBe('2026-05-06T03:59:59.999Z');
  });

  it('Conn. Gen. Stat. 36a-701b(b) (PA 18-90): 90 days between 2018-10-01 and 2021-09-30', () => {
    // 1 June 2021 08:00 EDT + 90 days = 30 August 2021, end of day EDT → 2021-08-31T03:59:59.999Z.
    expect(find(run(CT(10, { awarenessAt: '2021-06-01T12:00:00Z' })), IND).dueAt).toBe('2021-08-31T03:59:59.999Z');
  });

  it('Conn. Gen. Stat. 36a-701b(b) before PA 18-90: without unreasonable delay, no day limit', () => {
    expect(find(run(CT(10, { awarenessAt: '2018-08-01T12:00:00Z' })), IND).dueAt).toBeNull();
  });

  it('Conn. Gen. Stat. 36a-701b(b)(2): Attorney General for any notifiable breach, no later than the residents', () => {
    const o = find(run(CT(1)), AG);
    expect(o.required).toBe(true);
    expect(o.order).toBe('withIndividuals');
  });

  it('Conn. Gen. Stat. 36a-701b(b)(1): no notice when harm is not likely', () => {
    expect(find(run(CT(10, { riskLevel: 'none' })), IND).required).toBe(false);
  });

  it('Conn. Gen. Stat. 36a-701b(b)(2)(B): 24 months of identity theft services for a taxpayer ID since PA 21-59', () => {
    const o = find(run(CT(10, { dataElements: ['name', 'tax_id'] })), IND);
    expect(o.required).toBe(true);
    expect(o.content).toContain('credit_monitoring_offer');
    expect(o.why).toMatch(/24 months/);
  });

  it('Conn. Gen. Stat. 36a-701b(e): substitute notice over $250,000 or 500,000 persons', () => {
    const sub = find(run(CT(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(250000);
    expect(sub?.peopleOver).toBe(500000);
  });

  it.each([
    { els: ['name', 'passport'], at: '2026-03-06T09:00:00Z', required: true },
    { els: ['name', 'government_id'], at: '2026-03-06T09:00:00Z', required: true },
    { els: ['name', 'biometric'], at: '2026-03-06T09:00:00Z', required: true },
    { els: ['account_credentials'], at: '2026-03-06T09:00:00Z', required: true },
    { els: ['name', 'passport'], at: '2021-06-01T12:00:00Z', required: false },
    { els: ['name', 'date_of_birth'], at: '2026-03-06T09:00:00Z', required: false },
  ])('Conn. Gen. Stat. 36a-701b(a): $els on $at → notice required: $required', ({ els, at, required }) => {
    expect(find(run(CT(10, { dataElements: els, awarenessAt: at })), IND).required).toBe(required);
  });

  it('Conn. Gen. Stat. § 36a-701b: nothing is confirmed against the text', () => {
    expect(find(run(CT(10)), IND).sources?.every((s) => !s.confirmed)).toBe(true);
  });
});
