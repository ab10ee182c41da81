import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const VI = (n: number, over: object = {}) => run({ affected: { 'US-VI': n }, ...over });
const residents = 'us-vi:individuals:residents';

describe('V.I. Code tit. 14, §§ 2208-2212', () => {
  it('14 V.I.C. 2209: most expedient time, no day limit and no regulator', () => {
    const list = VI(10);
    expect(find(list, residents).dueAt).toBeNull();
    expect(list.filter((o) => o.regime === 'us-vi').map((o) => o.audience)).toEqual(['individuals']);
  });

  it('14 V.I.C. 2209: no risk-of-harm exemption', () => {
    expect(find(VI(10, { riskLevel: 'none' }), residents).required).toBe(true);
  });

  it('14 V.I.C. 2209: encrypted data is outside', () => {
    expect(find(VI(10, { encrypted: true }), residents).required).toBe(false);
  });

  it("14 V.I.C. 2209: only SSN, driver's licence and account numbers count", () => {
    expect(find(VI(10, { dataElements: ['name', 'passport', 'health', 'biometric'] }), residents).required).toBe(false);
  });
});
