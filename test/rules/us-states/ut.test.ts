import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ut:individuals:residents';
const AG = 'us-ut:regulator:attorney-general';
const CYBER = 'us-ut:regulator:cyber-center';
const CRA = 'us-ut:credit_agencies:nationwide-cras';

describe('Utah Code §§ 13-44-101 to -301', () => {
  it('Utah Code 13-44-202(1): no misuse for identity theft or fraud reasonably likely, no notice (confirmed)', () => {
    expect(find(run({ affected: { 'US-UT': 10 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-UT': 10 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /13-44-202\(1\)-\(2\)/.test(s.fact))).toBe(true);
  });

  it('Utah Code 13-44-202(2): most expedient time, no fixed number of days', () => {
    expect(find(run({ affected: { 'US-UT': 10 } }), IND).dueAt).toBeNull();
  });

  it('Utah Code 13-44-202(3): a processor notifies the owner immediately (confirmed)', () => {
    const o = find(run({ role: 'processor', affected: { 'US-UT': 10 } }), 'us-ut:controller:owner');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /13-44-202\(3\)/.test(s.fact))).toBe(true);
  });

  it('Utah Code 13-44-102: the definition does not mention the key; Breachline treats key-compromised data as unencrypted', () => {
    const o = find(run({ affected: { 'US-UT': 10 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(o.why).toMatch(/does not mention the key/);
  });

  it('Utah Code 13-44-102: a passport or health information with a name is not personal information (confirmed)', () => {
    for (const el of ['passport', 'health'])
      expect(find(run({ dataElements: ['name', el], affected: { 'US-UT': 10 } }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-UT': 10 } }), IND);
    expect(o.sources?.some((s) => s.confirmed && /13-44-102/.test(s.fact))).toBe(true);
  });

  it('Utah Code 13-44-202 (S.B. 127): Attorney General and Utah Cyber Center at 500 residents, not at 499 (unconfirmed)', () => {
    for (const id of [AG, CYBER]) {
      expect(find(run({ affected: { 'US-UT': 499 } }), id).required).toBe(false);
      const o = find(run({ affected: { 'US-UT': 500 } }), id);
      expect(o.required).toBe(true);
      expect(o.sources?.some((s) => !s.confirmed && /500 or more/.test(s.fact))).toBe(true);
    }
  });

  it('Utah Code 13-44-202 (S.B. 127): consumer reporting agencies at 1,000, not at 999', () => {
    expect(find(run({ affected: { 'US-UT': 999 } }), CRA).required).toBe(false);
    expect(find(run({ affected: { 'US-UT': 1000 } }), CRA).required).toBe(true);
  });

  it('Utah Code 13-44-202: no Attorney General, Cyber Center or agency notice before S.B. 127 (2023-05-03)', () => {
    const list = run({ affected: { 'US-UT': 5000 }, awarenessAt: '2022-06-01T12:00:00Z' });
    expect(list.filter((o) => o.id.startsWith('us-ut:')).map((o) => o.id)).toEqual([IND]);
  });
});
