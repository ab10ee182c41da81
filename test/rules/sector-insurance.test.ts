import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';

// State insurance data security laws checked against the statute texts (issue 13 follow-up). awarenessAt is
// Friday 2026-03-06T09:00Z; no determination is given, so the determination clock runs from awareness.

const INS = { sectors: ['insurance-licensee'] };
const confirmed = (id: string, over: object, re: RegExp) =>
  find(run({ ...INS, ...over }), id).sources?.some((s) => s.confirmed && re.test(s.fact));

describe('insurance laws confirmed against the statute text', () => {
  it('Ala. Code 27-62-6(a): three business days from the determination, and the model thresholds, are confirmed', () => {
    const over = { affected: { 'US-AL': 300 } };
    const o = find(run({ ...INS, ...over }), 'us-ins-al:regulator:commissioner');
    // Friday 6 March (Central) + 3 business days = Wednesday 11 March, end of day CDT (UTC-5).
    expect(o.dueAt).toBe('2026-03-12T04:59:59.999Z');
    expect(confirmed('us-ins-al:regulator:commissioner', over, /^(?=.*27-62-6\(a\)\))(?=.*three business days)/)).toBe(
      true,
    );
    expect(confirmed('us-ins-al:regulator:commissioner', over, /^(?=.*27-62-6\(a\)\(1\)-\(2\))(?=.*250)/)).toBe(true);
    expect(o.unconfirmedFacts ?? []).not.toContainEqual(expect.stringMatching(/model Section 6/));
  });

  it('N.H. Rev. Stat. 420-P:6, I: within 3 business days of the determination is confirmed', () => {
    const over = { affected: { 'US-NH': 300 } };
    // Friday 6 March + 3 business days = Wednesday 11 March, end of day EDT (UTC-4).
    expect(find(run({ ...INS, ...over }), 'us-ins-nh:regulator:commissioner').dueAt).toBe('2026-03-12T03:59:59.999Z');
    expect(confirmed('us-ins-nh:regulator:commissioner', over, /^(?=.*420-P:6, I\))(?=.*3 business days)/)).toBe(true);
  });

  it('Tenn. Code 56-2-1006(a): no more than three business days following the determination is confirmed', () => {
    const over = { affected: { 'US-TN': 300 } };
    expect(find(run({ ...INS, ...over }), 'us-ins-tn:regulator:commissioner').dueAt).toBe('2026-03-12T03:59:59.999Z');
    expect(
      confirmed('us-ins-tn:regulator:commissioner', over, /^(?=.*56-2-1006\(a\))(?=.*three \(3\) business days)/),
    ).toBe(true);
  });

  it('Va. Code 38.2-625(A): three business days from the determination is confirmed', () => {
    const over = { affected: { 'US-VA': 300 } };
    expect(find(run({ ...INS, ...over }), 'us-ins-va:regulator:commissioner').dueAt).toBe('2026-03-12T03:59:59.999Z');
    expect(
      confirmed('us-ins-va:regulator:commissioner', over, /^(?=.*38\.2-625\(A\)\))(?=.*three business days)/),
    ).toBe(true);
  });

  it('Va. Code 38.2-625(A)(2): 250 or more Virginia consumers suffice, whatever the harm', () => {
    // The model (and the other states) also need "reportable elsewhere or material harm"; Virginia does not.
    const o = find(run({ ...INS, affected: { 'US-VA': 250 }, riskLevel: 'none' }), 'us-ins-va:regulator:commissioner');
    expect(o.required).toBe(true);
    const below = find(run({ ...INS, affected: { 'US-VA': 249 } }), 'us-ins-va:regulator:commissioner');
    expect(below.required).toBe(false);
    expect(below.why).toMatch(/another state or federal law/);
  });

  it('the other states keep the model threshold: 250 residents with no harm is no notice (Alabama)', () => {
    expect(
      find(run({ ...INS, affected: { 'US-AL': 250 }, riskLevel: 'none' }), 'us-ins-al:regulator:commissioner').required,
    ).toBe(false);
  });

  it('S.C. Code 38-99-40: the 72 hours stay unconfirmed (the statute text was not read)', () => {
    const o = find(run({ ...INS, affected: { 'US-SC': 300 } }), 'us-ins-sc:regulator:commissioner');
    expect(o.unconfirmedFacts).toContainEqual(expect.stringMatching(/^SC: /));
  });
});
