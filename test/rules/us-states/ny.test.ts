import { describe, expect, it } from 'vitest';
import { run, find, ids } from '../helpers';

const IND = 'us-ny:individuals:residents';

describe('N.Y. Gen. Bus. Law § 899-aa', () => {
  it('N.Y. Gen. Bus. Law 899-aa(1)(b): biometric information and credentials count only from the SHIELD Act (23 October 2019)', () => {
    const bio = { affected: { 'US-NY': 3 }, dataElements: ['name', 'biometric'] };
    expect(find(run({ ...bio, awarenessAt: '2019-10-21T15:00:00Z' }), IND).required).toBe(false);
    expect(find(run({ ...bio, awarenessAt: '2019-10-24T15:00:00Z' }), IND).required).toBe(true);
    const creds = { affected: { 'US-NY': 3 }, dataElements: ['email', 'account_credentials'] };
    expect(find(run({ ...creds, awarenessAt: '2019-10-21T15:00:00Z' }), IND).required).toBe(false);
    expect(find(run({ ...creds, awarenessAt: '2019-10-24T15:00:00Z' }), IND).required).toBe(true);
  });

  it('N.Y. Gen. Bus. Law 899-aa(1)(b) as amended by S2376-B: medical and health insurance information from 21 March 2025', () => {
    for (const e of ['health', 'health_insurance']) {
      const f = { affected: { 'US-NY': 3 }, dataElements: ['name', e] };
      expect(find(run({ ...f, awarenessAt: '2025-03-19T15:00:00Z' }), IND).required).toBe(false);
      expect(find(run({ ...f, awarenessAt: '2025-03-22T15:00:00Z' }), IND).required).toBe(true);
    }
  });

  it('N.Y. Gen. Bus. Law 899-aa(1)(b): encrypted data counts when the key was also acquired', () => {
    expect(find(run({ affected: { 'US-NY': 3 }, encrypted: true }), IND).required).toBe(false);
    expect(find(run({ affected: { 'US-NY': 3 }, encrypted: true, keyCompromised: true }), IND).required).toBe(true);
  });

  it('N.Y. Gen. Bus. Law 899-aa(2)(a): no general risk-of-harm exemption', () => {
    const o = find(run({ affected: { 'US-NY': 3 }, riskLevel: 'none' }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /899-aa\(2\)\(a\)/.test(s.fact))).toBe(true);
  });

  it('N.Y. Gen. Bus. Law 899-aa(2) as amended by S2659-B: 30 days from discovery from 21 December 2024, none before', () => {
    expect(find(run({ affected: { 'US-NY': 3 }, awarenessAt: '2024-12-19T15:00:00Z' }), IND).dueAt).toBeNull();
    // 6 March 04:00 EST + 30 days = 5 April, end of day EDT (UTC-4) → 2026-04-06T03:59:59.999Z.
    expect(find(run({ affected: { 'US-NY': 3 } }), IND).dueAt).toBe('2026-04-06T03:59:59.999Z');
  });

  it('N.Y. Gen. Bus. Law 899-aa(8)(a) as amended by S2659-B: the Department of Financial Services from 21 December 2024', () => {
    const before = ids(run({ affected: { 'US-NY': 3 }, awarenessAt: '2024-12-19T15:00:00Z' }));
    expect(before).toContain('us-ny:regulator:state-police');
    expect(before).not.toContain('us-ny:regulator:dfs');
    const after = run({ affected: { 'US-NY': 1 }, awarenessAt: '2024-12-23T15:00:00Z' });
    expect(find(after, 'us-ny:regulator:dfs').required).toBe(true);
    expect(find(after, 'us-ny:regulator:attorney-general').required).toBe(true);
  });

  it('N.Y. Gen. Bus. Law 899-aa(8)(b) (chart value): consumer reporting agencies at 5,001, not 5,000', () => {
    expect(find(run({ affected: { 'US-NY': 5000 } }), 'us-ny:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-NY': 5001 } }), 'us-ny:credit_agencies:nationwide-cras').required).toBe(true);
  });

  it('N.Y. Gen. Bus. Law 899-aa(5)(d) (fact sheet values): substitute notice above $250,000 or 500,000 residents', () => {
    expect(find(run({ affected: { 'US-NY': 3 } }), IND).substituteNotice).toMatchObject({
      costOver: 250000,
      peopleOver: 500000,
      noContact: true,
    });
  });
});
