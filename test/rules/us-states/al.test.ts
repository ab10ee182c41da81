import { describe, expect, it } from 'vitest';
import { run, find } from '../helpers';

// BASE: awarenessAt 2026-03-06T09:00Z = 03:00 CST on 6 March in Alabama.
const AL = (n: number, over: object = {}) => ({ affected: { 'US-AL': n }, ...over });
const IND = 'us-al:individuals:residents';
const AG = 'us-al:regulator:attorney-general';
const CRA = 'us-al:credit_agencies:nationwide-cras';

describe('Ala. Code §§ 8-38-1 to -12', () => {
  it('Ala. Code 8-38-5(b): individuals within 45 days of the determination', () => {
    const o = find(run(AL(10)), IND);
    expect(o.required).toBe(true);
    // 6 March 03:00 CST + 45 days = 20 April, end of day CDT (UTC-5) → 2026-04-21T04:59:59.999Z.
    expect(o.dueAt).toBe('2026-04-21T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /8-38-5\(a\)-\(b\)/.test(s.fact))).toBe(true);
  });

  it('Ala. Code 8-38-5(a): no notice when the breach is not reasonably likely to cause substantial harm', () => {
    const o = find(run(AL(10, { riskLevel: 'none' })), IND);
    expect(o.required).toBe(false);
    expect(o.why).toMatch(/substantial harm/);
  });

  it('Ala. Code 8-38-5(c): a written law enforcement request delays the notice, an oral one does not', () => {
    const written = find(
      run(AL(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'written' } })),
      IND,
    );
    expect(written.holdMayDelay).toBe(true);
    const oral = find(
      run(AL(10, { lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } })),
      IND,
    );
    expect(oral.holdMayDelay).toBe(false);
  });

  it('Ala. Code 8-38-5(d): the notice states the date range, the information, the restoring actions, protective steps and a contact', () => {
    const o = find(run(AL(10)), IND);
    expect(o.content).toEqual(
      expect.arrayContaining([
        'occurred_at',
        'categories_of_data',
        'measures_taken',
        'steps_for_individuals',
        'contact_point',
      ]),
    );
    expect(o.sources?.some((s) => s.confirmed && /8-38-5\(d\)/.test(s.fact))).toBe(true);
  });

  it('Ala. Code 8-38-5(e): substitute notice over $500,000 or 100,000 individuals or without contact information', () => {
    const sub = find(run(AL(10)), IND).substituteNotice;
    expect(sub?.costOver).toBe(500000);
    expect(sub?.peopleOver).toBe(100000);
    expect(sub?.noContact).toBe(true);
    expect(sub?.basis).toBe('Ala. Code § 8-38-5(e)');
  });

  it('Ala. Code 8-38-6(a): Attorney General when the individuals exceed 1,000 (1,001), not at 1,000', () => {
    expect(find(run(AL(1000)), AG).required).toBe(false);
    const o = find(run(AL(1001)), AG);
    expect(o.required).toBe(true);
    // Within 45 days of the determination: 6 March + 45 = 20 April, end of day CDT.
    expect(o.dueAt).toBe('2026-04-21T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /8-38-6/.test(s.fact))).toBe(true);
  });

  it('Ala. Code 8-38-7: consumer reporting agencies when more than 1,000 are notified, not at 1,000', () => {
    expect(find(run(AL(1000)), CRA).required).toBe(false);
    const o = find(run(AL(1001)), CRA);
    expect(o.required).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /8-38-7/.test(s.fact))).toBe(true);
  });

  it('Ala. Code 8-38-8: a third-party agent tells the covered entity within 10 days', () => {
    const o = find(run(AL(10, { role: 'processor' })), 'us-al:controller:owner');
    // 6 March 03:00 CST + 10 days = 16 March, end of day CDT (UTC-5).
    expect(o.dueAt).toBe('2026-03-17T04:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /8-38-8/.test(s.fact))).toBe(true);
  });

  it.each([
    { el: 'tax_id', required: true },
    { el: 'passport', required: true },
    { el: 'government_id', required: true },
    { el: 'health', required: true },
    { el: 'health_insurance', required: true },
    { el: 'account_credentials', required: true },
    { el: 'biometric', required: false },
    { el: 'date_of_birth', required: false },
  ])('Ala. Code 8-38-2(6): $el with a name → notice required: $required', ({ el, required }) => {
    expect(find(run(AL(10, { dataElements: ['name', el] })), IND).required).toBe(required);
  });

  it('Ala. Code 8-38-2(6): without a name, credentials alone are not covered', () => {
    expect(find(run(AL(10, { dataElements: ['account_credentials'] })), IND).required).toBe(false);
  });

  it('Ala. Code 8-38-2(6): the definition stays unconfirmed (read only in a summary)', () => {
    const o = find(run(AL(10)), IND);
    expect(o.sources?.some((s) => !s.confirmed && /covered data elements/.test(s.fact))).toBe(true);
  });
});
