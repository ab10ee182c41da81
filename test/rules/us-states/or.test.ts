import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

const IND = 'us-or:individuals:residents';
const AG = 'us-or:regulator:attorney-general';

describe('Or. Rev. Stat. §§ 646A.600-.628', () => {
  it('Or. Rev. Stat. 646A.604(3)(a): consumers within 45 days of discovery', () => {
    const o = find(run({ affected: { 'US-OR': 10 } }), IND);
    // 6 March 01:00 PST + 45 days = 20 April, end of day PDT (UTC-7).
    expect(o.dueAt).toBe('2026-04-21T06:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /646A\.604\(3\)\(a\)/.test(s.fact))).toBe(true);
  });

  it('Or. Rev. Stat. 646A.604(3)(a): a later determination does not move the discovery clock', () => {
    const o = find(run({ affected: { 'US-OR': 10 }, determinations: { notifiableAt: '2026-03-20T15:00:00Z' } }), IND);
    expect(o.dueAt).toBe('2026-04-21T06:59:59.999Z');
  });

  it('Or. Rev. Stat. 646A.604(1)(b): Attorney General when the consumers notified exceed 250: 251 yes, 250 no', () => {
    expect(find(run({ affected: { 'US-OR': 250 } }), AG).required).toBe(false);
    const ag = find(run({ affected: { 'US-OR': 251 } }), AG);
    expect(ag.required).toBe(true);
    expect(ag.sources?.some((s) => s.confirmed && /646A\.604\(1\)\(b\)/.test(s.fact))).toBe(true);
  });

  it('Or. Rev. Stat. 646A.604(2)(a): a vendor tells the covered entity within 10 days (confirmed)', () => {
    const o = find(run({ role: 'processor', affected: { 'US-OR': 10 } }), 'us-or:controller:owner');
    // 6 March (01:00 PST) + 10 days = 16 March, end of day PDT (UTC-7).
    expect(o.dueAt).toBe('2026-03-17T06:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /646A\.604\(2\)\(a\)/.test(s.fact))).toBe(true);
  });

  it('Or. Rev. Stat. 646A.602: a passport number with a name is personal information', () => {
    expect(find(run({ dataElements: ['name', 'passport'], affected: { 'US-OR': 10 } }), IND).required).toBe(true);
  });

  it('Or. Rev. Stat. 646A.604(3): an oral law enforcement request does not delay the notice', () => {
    const o = find(
      run({
        affected: { 'US-OR': 10 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      IND,
    );
    expect(o.holdMayDelay).toBe(false);
  });
});
