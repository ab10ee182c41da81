import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-ri:individuals:residents';
const AG = 'us-ri:regulator:attorney-general';
const CRA = 'us-ri:credit_agencies:nationwide-cras';

describe('R.I. Gen. Laws §§ 11-49.3-1 to -6', () => {
  it('R.I. Gen. Laws 11-49.3-4(a)(2): 45 calendar days after confirmation of the breach (confirmed)', () => {
    const o = find(run({ affected: { 'US-RI': 10 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }), IND);
    // confirmed 10 March (11:00 EDT) + 45 days = 24 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-25T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /11-49\.3-4\(a\)\(1\)-\(2\)/.test(s.fact))).toBe(true);
  });

  it('R.I. Gen. Laws 11-49.3-4(a)(1): no significant risk of identity theft, no notice', () => {
    expect(find(run({ affected: { 'US-RI': 10 }, riskLevel: 'none' }), IND).required).toBe(false);
  });

  it('R.I. Gen. Laws 11-49.3-4(a)(2): attorney general when more than 500 are notified: 501 yes, 500 no (confirmed)', () => {
    expect(find(run({ affected: { 'US-RI': 500 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-RI': 501 } }), AG);
    expect(ag.required).toBe(true);
    expect(ag.sources?.some((s) => s.confirmed && /more than 500/.test(s.fact))).toBe(true);
  });

  it('R.I. Gen. Laws 11-49.3-4(a)(2): major credit reporting agencies when more than 500: 501 yes, 500 no (confirmed)', () => {
    expect(find(run({ affected: { 'US-RI': 500 } }), CRA).required).toBe(false);
    const cra = find(run({ affected: { 'US-RI': 501 } }), CRA);
    expect(cra.required).toBe(true);
    expect(cra.sources?.some((s) => s.confirmed && /credit reporting agencies/.test(s.fact))).toBe(true);
  });

  it('R.I. Gen. Laws 11-49.3-3(a)(4): data acquired with its key is not encrypted', () => {
    const o = find(run({ affected: { 'US-RI': 10 }, encrypted: true, keyCompromised: true }), IND);
    expect(o.required).toBe(true);
    expect(find(run({ affected: { 'US-RI': 10 }, encrypted: true }), IND).required).toBe(false);
  });

  it('R.I. Gen. Laws 11-49.3-3: an email address with password counts with a name, not alone', () => {
    expect(find(run({ dataElements: ['account_credentials'], affected: { 'US-RI': 10 } }), IND).required).toBe(false);
    expect(find(run({ dataElements: ['name', 'account_credentials'], affected: { 'US-RI': 10 } }), IND).required).toBe(
      true,
    );
  });

  it('R.I. Gen. Laws 11-49.3-3: medical and health insurance information, not a passport number', () => {
    expect(find(run({ dataElements: ['name', 'health'], affected: { 'US-RI': 10 } }), IND).required).toBe(true);
    expect(find(run({ dataElements: ['name', 'passport'], affected: { 'US-RI': 10 } }), IND).required).toBe(false);
  });

  it('R.I. Gen. Laws 11-49.3-4(d): the notice covers remediation services, police report and security freeze', () => {
    const o = find(run({ affected: { 'US-RI': 10 } }), IND);
    expect(o.content).toEqual(
      expect.arrayContaining(['remedies', 'police_report', 'security_freeze', 'discovered_at']),
    );
    expect(o.why).toMatch(/11-49\.3-4\(d\) prescribes/);
  });
});
