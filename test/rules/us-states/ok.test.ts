import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ok:individuals:residents';
const AG = 'us-ok:regulator:attorney-general';

describe('Okla. Stat. tit. 24, §§ 161-166', () => {
  it('Okla. Stat. tit. 24, § 162(1): no belief of identity theft or other fraud, no notice (and the fact is confirmed)', () => {
    expect(find(run({ affected: { 'US-OK': 10 }, riskLevel: 'none' }), IND).required).toBe(false);
    const o = find(run({ affected: { 'US-OK': 10 } }), IND);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /162\(1\)/.test(s.fact))).toBe(true);
  });

  it('Okla. Stat. tit. 24, § 163: most expedient time, no fixed number of days', () => {
    expect(find(run({ affected: { 'US-OK': 10 } }), IND).dueAt).toBeNull();
  });

  it('Okla. Stat. tit. 24, § 162(6) as amended by SB 626: a government-issued number (passport) from 2026-01-01, not before', () => {
    const pass = { dataElements: ['name', 'passport'], affected: { 'US-OK': 10 } };
    expect(find(run(pass), IND).required).toBe(true);
    expect(find(run({ ...pass, awarenessAt: '2025-06-01T12:00:00Z' }), IND).required).toBe(false);
  });

  it('Okla. Stat. tit. 24, § 162(6) as amended by SB 626: biometric data from 2026-01-01, not before', () => {
    const bio = { dataElements: ['name', 'biometric'], affected: { 'US-OK': 10 } };
    expect(find(run(bio), IND).required).toBe(true);
    expect(find(run({ ...bio, awarenessAt: '2025-06-01T12:00:00Z' }), IND).required).toBe(false);
  });

  it('Okla. Stat. tit. 24, § 163 as amended by SB 626: Attorney General at 500 residents, not at 499 (unconfirmed)', () => {
    expect(find(run({ affected: { 'US-OK': 499 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-OK': 500 } }), AG);
    expect(ag.required).toBe(true);
    expect(ag.sources?.every((s) => !s.confirmed)).toBe(true);
  });

  it('Okla. Stat. tit. 24, § 163: no Attorney General notice before SB 626 (2026-01-01)', () => {
    const list = run({ affected: { 'US-OK': 5000 }, awarenessAt: '2025-06-01T12:00:00Z' });
    expect(list.some((o) => o.id === AG)).toBe(false);
  });
});
