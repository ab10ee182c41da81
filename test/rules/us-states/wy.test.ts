import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const WY = (n: number, over: object = {}) => run({ affected: { 'US-WY': n }, ...over });
const residents = 'us-wy:individuals:residents';

describe('Wyo. Stat. §§ 40-12-501 to -502', () => {
  it('Wyo. Stat. 40-12-502(a): most expedient time, no day limit, confirmed', () => {
    const o = find(WY(10), residents);
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /40-12-502\(a\)/.test(s.fact))).toBe(true);
  });

  it('Wyo. Stat. 40-12-502(a): no notice when the investigation finds misuse not reasonably likely', () => {
    expect(find(WY(10, { riskLevel: 'none' }), residents).required).toBe(false);
  });

  it('Wyo. Stat. 40-12-502(b): only a written law enforcement determination delays notice', () => {
    const hold = (form: string) => ({
      lawEnforcementHold: { source: 'law_enforcement', form, requestedAt: '2026-03-06T10:00:00Z' },
    });
    expect(find(WY(10, hold('oral')), residents).holdMayDelay).toBe(false);
    expect(find(WY(10, hold('oral')), residents).heldNow).toBeUndefined();
    expect(find(WY(10, hold('written')), residents).holdMayDelay).toBe(true);
    expect(find(WY(10, hold('written')), residents).heldNow).toBe(true);
  });

  it('Wyo. Stat. 40-12-501(a)(vii), 6-3-901(b): login credentials count only with a name', () => {
    expect(find(WY(10, { dataElements: ['account_credentials'] }), residents).required).toBe(false);
    expect(find(WY(10, { dataElements: ['name', 'account_credentials'] }), residents).required).toBe(true);
  });

  it('Wyo. Stat. 6-3-901(b): government ID, ITIN, medical, health insurance and biometrics count with a name; address and phone do not', () => {
    for (const el of ['government_id', 'tax_id', 'health', 'health_insurance', 'biometric'])
      expect(find(WY(10, { dataElements: ['name', el] }), residents).required).toBe(true);
    expect(find(WY(10, { dataElements: ['name', 'postal_address', 'phone'] }), residents).required).toBe(false);
  });

  it('Wyo. Stat. 40-12-502(e): the notice content includes the law enforcement delay and the toll-free numbers', () => {
    expect(find(WY(10), residents).content).toEqual(
      expect.arrayContaining(['toll_free_numbers', 'law_enforcement_delay', 'occurred_at', 'steps_for_individuals']),
    );
  });
});
