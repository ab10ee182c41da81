import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';

// Issue 13: state definitions (the most-missed elements) and processor outer limits.
// awarenessAt 2026-03-06T09:00Z; a processor's determination clock falls back to it.

describe('processor-to-owner outer limits', () => {
  it('Or. Rev. Stat. 646A.604(2)(a): a vendor tells the covered entity within 10 days', () => {
    const o = find(run({ role: 'processor', affected: { 'US-OR': 10 } }), 'us-or:controller:owner');
    // 6 March (01:00 PST) + 10 days = 16 March, end of day PDT (UTC-7).
    expect(o.dueAt).toBe('2026-03-17T06:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /10 days/.test(s.fact))).toBe(true);
  });
  it('Or. Rev. Stat. 646A.604(2)(a): before SB 684 (2020-01-01) no outer limit', () => {
    const o = find(
      run({ role: 'processor', affected: { 'US-OR': 10 }, awarenessAt: '2019-06-01T12:00:00Z' }),
      'us-or:controller:owner',
    );
    expect(o.dueAt).toBeNull();
    expect(o.dueNow).toBe(true);
  });
  it('Ala. Code 8-38-8: a third-party agent within 10 days of the determination', () => {
    // 6 March (03:00 CST) + 10 days = 16 March, end of day CDT (UTC-5).
    expect(find(run({ role: 'processor', affected: { 'US-AL': 10 } }), 'us-al:controller:owner').dueAt).toBe(
      '2026-03-17T04:59:59.999Z',
    );
  });
  it('Ga. Code 10-1-912(b): within 24 hours of discovery', () => {
    expect(find(run({ role: 'processor', affected: { 'US-GA': 10 } }), 'us-ga:controller:owner').dueAt).toBe(
      '2026-03-07T09:00:00.000Z',
    );
  });
});

describe('covered elements most often missed (unconfirmed against the statutes)', () => {
  const only = (elements: string[]) => ({ dataElements: ['name', ...elements] });
  it.each([
    { name: 'Colo. Rev. Stat. 6-1-716: medical information', code: 'CO', el: 'health' },
    { name: 'Colo. Rev. Stat. 6-1-716: health insurance identification number', code: 'CO', el: 'health_insurance' },
    {
      name: 'Tex. Bus. & Com. Code 521.002: government-issued identification number (passport)',
      code: 'TX',
      el: 'passport',
    },
    { name: 'Nev. Rev. Stat. 603A.040: health insurance identification number', code: 'NV', el: 'health_insurance' },
    {
      name: 'S.C. Code 39-1-90: government-issued unique identification number (passport)',
      code: 'SC',
      el: 'passport',
    },
    { name: 'Mont. Code 30-14-1704: medical record information', code: 'MT', el: 'health' },
    { name: 'P.R. Laws tit. 10, 4051: other official identification (passport)', code: 'PR', el: 'passport' },
    { name: 'P.R. Laws tit. 10, 4051: medical information', code: 'PR', el: 'health' },
    { name: 'Fla. Stat. 501.171: passport number', code: 'FL', el: 'passport' },
    { name: 'Ala. Code 8-38-2: health insurance information', code: 'AL', el: 'health_insurance' },
  ])('$name', ({ code, el }) => {
    const o = find(
      run({ ...only([el]), affected: { [`US-${code}`]: 5 } }),
      `us-${code.toLowerCase()}:individuals:residents`,
    );
    expect(o.required).toBe(true);
    expect(o.why).toContain(el);
  });

  it('Ky. Rev. Stat. 365.732: a passport number alone with a name is not covered', () => {
    expect(find(run({ ...only(['passport']), affected: { 'US-KY': 5 } }), 'us-ky:individuals:residents').required).toBe(
      false,
    );
  });
});

describe('Maryland, checked against the text of Md. Code Com. Law 14-3504', () => {
  it('Md. Code Com. Law 14-3504(b)(3): individuals within 45 days of discovery', () => {
    const o = find(run({ affected: { 'US-MD': 10 } }), 'us-md:individuals:residents');
    // 6 March (04:00 EST) + 45 days = 20 April, end of day EDT.
    expect(o.dueAt).toBe('2026-04-21T03:59:59.999Z');
    expect(o.sources?.some((s) => s.confirmed && /45 days/.test(s.fact))).toBe(true);
  });
  it('Md. Code Com. Law 14-3504(b)(2): no likelihood of misuse, no notice', () => {
    expect(find(run({ affected: { 'US-MD': 10 }, riskLevel: 'none' }), 'us-md:individuals:residents').required).toBe(
      false,
    );
  });
});

describe('Rhode Island, checked against the text of R.I. Gen. Laws 11-49.3-4', () => {
  it('R.I. Gen. Laws 11-49.3-4(a)(2): 45 calendar days after confirmation of the breach', () => {
    const o = find(
      run({ affected: { 'US-RI': 10 }, determinations: { notifiableAt: '2026-03-10T15:00:00Z' } }),
      'us-ri:individuals:residents',
    );
    // confirmed 10 March (11:00 EDT) + 45 days = 24 April, end of day EDT.
    expect(o.dueAt).toBe('2026-04-25T03:59:59.999Z');
  });
  it('R.I. Gen. Laws 11-49.3-3: a passport number is not personal information (over-included before issue 13)', () => {
    expect(
      find(run({ dataElements: ['name', 'passport'], affected: { 'US-RI': 10 } }), 'us-ri:individuals:residents')
        .required,
    ).toBe(false);
  });
});

describe('Alabama, checked against the text of Ala. Code 8-38-5 and 8-38-8', () => {
  it('Ala. Code 8-38-5(c): an oral law enforcement request does not delay the notice', () => {
    const o = find(
      run({
        affected: { 'US-AL': 10 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      'us-al:individuals:residents',
    );
    expect(o.holdMayDelay).toBe(false);
    // 6 March (03:00 CST) + 45 days = 20 April, end of day CDT.
    expect(o.dueAt).toBe('2026-04-21T04:59:59.999Z');
  });
  it('Ala. Code 8-38-8, 8-38-6: the third-party agent and the Attorney General notice are confirmed; the element list is not', () => {
    const owner = find(run({ role: 'processor', affected: { 'US-AL': 10 } }), 'us-al:controller:owner');
    expect(owner.sources?.some((s) => s.confirmed && /third-party agent/.test(s.fact))).toBe(true);
    const ag = find(run({ affected: { 'US-AL': 2000 } }), 'us-al:regulator:attorney-general');
    // § 8-38-6 read in the statute text: more than 1,000, within 45 days of the determination.
    expect(ag.sources?.some((s) => s.confirmed && /8-38-6/.test(s.fact))).toBe(true);
    expect(ag.unconfirmedFacts).toEqual(['AL: the list of covered data elements']);
  });
});
