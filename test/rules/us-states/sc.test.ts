import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-sc:individuals:residents';
const DCA = 'us-sc:regulator:consumer-affairs';
const CRA = 'us-sc:credit_agencies:nationwide-cras';

describe('S.C. Code § 39-1-90', () => {
  it('S.C. Code 39-1-90(A): no illegal use likely and no material risk of harm, no notice (confirmed)', () => {
    expect(find(run({ affected: { 'US-SC': 10 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-SC': 10 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /39-1-90\(A\)/.test(s.fact))).toBe(true);
  });

  it('S.C. Code 39-1-90(A): most expedient time, no fixed number of days', () => {
    expect(find(run({ affected: { 'US-SC': 10 } }), IND).dueAt).toBeNull();
  });

  it('S.C. Code 39-1-90(B): a processor tells the owner immediately (confirmed)', () => {
    const o = find(run({ role: 'processor', affected: { 'US-SC': 10 } }), 'us-sc:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /39-1-90\(B\)/.test(s.fact))).toBe(true);
  });

  it('S.C. Code 39-1-90: Department of Consumer Affairs above 1,000: 1,001 yes, 1,000 no (unconfirmed)', () => {
    expect(find(run({ affected: { 'US-SC': 1000 } }), DCA).required).toBe(false);
    const o = find(run({ affected: { 'US-SC': 1001 } }), DCA);
    expect(o.required).toBe(true);
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
  });

  it('S.C. Code 39-1-90: consumer reporting agencies above 1,000', () => {
    expect(find(run({ affected: { 'US-SC': 1000 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-SC': 1001 } }), CRA).required).toBe(true);
  });

  it('S.C. Code 39-1-90(D): a government-issued unique number (passport, military ID) counts with a name', () => {
    expect(find(run({ dataElements: ['name', 'passport'], affected: { 'US-SC': 10 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'government_id'], affected: { 'US-SC': 10 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'health'], affected: { 'US-SC': 10 } }), IND).required).toBe(false);
  });
});
