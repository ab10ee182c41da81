import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const VT = (n: number, over: object = {}) => run({ affected: { 'US-VT': n }, ...over });

describe('Vt. Stat. tit. 9, § 2435', () => {
  it('9 V.S.A. 2435(b)(1): consumers not later than 45 days after discovery, confirmed', () => {
    const o = find(VT(10), 'us-vt:individuals:residents');
    // awarenessAt 09:00Z = 04:00 EST on 6 March; + 45 days = 20 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /2435\(b\)\(1\)/.test(s.fact))).toBe(true);
  });

  it('9 V.S.A. 2435(b)(2): a data collector maintaining data for the owner tells it immediately', () => {
    const o = find(VT(10, { role: 'processor' }), 'us-vt:controller:owner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /2435\(b\)\(2\)/.test(s.fact))).toBe(true);
  });

  it('9 V.S.A. 2430 as amended by Act 89 (2020-07-01): passport, government ID, health and biometrics count with a name', () => {
    for (const el of ['passport', 'government_id', 'tax_id', 'health', 'health_insurance', 'biometric', 'genetic'])
      expect(find(VT(10, { dataElements: ['name', el] }), 'us-vt:individuals:residents').required).toBe(true);
    expect(find(VT(10, { dataElements: ['name', 'email'] }), 'us-vt:individuals:residents').required).toBe(false);
  });

  it('9 V.S.A. 2430 as amended by Act 89: login credentials count alone from 2020-07-01, not before', () => {
    expect(find(VT(10, { dataElements: ['account_credentials'] }), 'us-vt:individuals:residents').required).toBe(true);
    const before = { awarenessAt: '2019-06-01T12:00:00Z' };
    expect(
      find(VT(10, { ...before, dataElements: ['account_credentials'] }), 'us-vt:individuals:residents').required,
    ).toBe(false);
    expect(
      find(VT(10, { ...before, dataElements: ['name', 'passport'] }), 'us-vt:individuals:residents').required,
    ).toBe(false);
    expect(find(VT(10, before), 'us-vt:individuals:residents').required).toBe(true);
  });

  it('9 V.S.A. 2435(d): misuse not reasonably possible excuses consumer notice; the determination goes to the Attorney General', () => {
    const list = VT(10, { riskLevel: 'none' });
    expect(find(list, 'us-vt:individuals:residents').required).toBe(false);
    expect(find(list, 'us-vt:regulator:attorney-general').required).toBe(true);
  });

  it('9 V.S.A. 2435(c): consumer reporting agencies when more than 1,000 consumers, not at 1,000', () => {
    expect(find(VT(1001), 'us-vt:credit_agencies:nationwide-cras').required).toBe(true);
    expect(find(VT(1000), 'us-vt:credit_agencies:nationwide-cras').required).toBe(false);
  });

  it('9 V.S.A. 2435(b)(3): the preliminary notice stays unconfirmed (not read in the text)', () => {
    const o = find(VT(3), 'us-vt:regulator:attorney-general');
    expect(o.required).toBe(true);
    expect(o.unconfirmedFacts?.length).toBeGreaterThan(0);
  });
});
