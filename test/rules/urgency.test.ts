import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';

// Issue 13, "urgency without a date": an obligation due "immediately" or "without undue delay" has no dueAt
// but is due now from the moment its clock started.

describe('urgency without a date', () => {
  it('GDPR Art. 34(1): without undue delay is due now from awareness, reminder at 24 h, escalation at 72 h', () => {
    const o = find(run({ affected: { DE: 10 } }), 'eu-gdpr:individuals:data-subjects');
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
    // awarenessAt 2026-03-06T09:00Z; + 24 h = 7 March 09:00Z; + 72 h = 9 March 09:00Z.
    expect(o.clockStartedAt).toBe('2026-03-06T09:00:00.000Z');
    expect(o.remindAt).toBe('2026-03-07T09:00:00.000Z');
    expect(o.escalateAt).toBe('2026-03-09T09:00:00.000Z');
  });

  it('Cal. Civ. Code 1798.82(a) before 2026: most expedient time is due now from discovery', () => {
    const o = find(
      run({ affected: { 'US-CA': 10 }, awarenessAt: '2025-06-01T12:00:00Z', discoveredAt: '2025-05-30T12:00:00Z' }),
      'us-ca:individuals:residents',
    );
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
    expect(o.clockStartedAt).toBe('2025-05-30T12:00:00.000Z');
  });

  it('a dated obligation is not dueNow but carries its clock start', () => {
    const o = find(run({ affected: { DE: 10 } }), 'eu-gdpr:regulator:de');
    expect(o.dueAt).toBe('2026-03-09T09:00:00.000Z');
    expect(o.dueNow).toBeUndefined();
    expect(o.clockStartedAt).toBe('2026-03-06T09:00:00.000Z');
  });

  it('a notice already sent stops the count: metAt, no dueNow', () => {
    const o = find(
      run({
        affected: { DE: 10 },
        noticesSent: [{ regime: 'eu-gdpr', audience: 'individuals', at: '2026-03-07T10:00:00Z' }],
      }),
      'eu-gdpr:individuals:data-subjects',
    );
    expect(o.metAt).toBe('2026-03-07T10:00:00.000Z');
    expect(o.dueNow).toBeUndefined();
  });

  it('a hold in force that may delay the notice means it is not due now', () => {
    const o = find(
      run({
        affected: { 'US-GA': 10 },
        lawEnforcementHold: { requestedAt: '2026-03-06T10:00:00Z', releasedAt: null },
      }),
      'us-ga:individuals:residents',
    );
    expect(o.holdMayDelay).toBe(true);
    expect(o.dueNow).toBeUndefined();
  });

  it('a not-required obligation is never due now', () => {
    const o = find(run({ affected: { DE: 10 }, riskLevel: 'risk' }), 'eu-gdpr:individuals:data-subjects');
    expect(o.required).toBe(false);
    expect(o.dueNow).toBeUndefined();
    expect(o.clockStartedAt).toBeUndefined();
  });

  it('an obligation resting on an unconfirmed fact lists it in unconfirmedFacts, not only in why', () => {
    const o = find(run({ affected: { 'US-KS': 3 } }), 'us-ks:individuals:residents');
    expect(o.unconfirmedFacts?.length).toBeGreaterThan(0);
    expect(o.why).toMatch(/Unconfirmed/);
    expect(find(run({ affected: { DE: 10 } }), 'eu-gdpr:regulator:de').unconfirmedFacts).toBeUndefined();
  });
});
