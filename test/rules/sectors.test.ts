import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

// Sector rules of issue 13. awarenessAt (and so discoveredAt) is Friday 2026-03-06T09:00Z, 04:00 in New York.

describe('FTC Safeguards Rule, 16 CFR 314.4(j) (us-glba-ftc)', () => {
  const GLBA = { sectors: ['glba-financial-institution'] };
  it('314.4(j): 500 consumers, the FTC within 30 days of discovery', () => {
    const o = find(run({ ...GLBA, affected: { 'US-NY': 500 } }), 'us-glba-ftc:regulator:ftc');
    expect(o.required).toBe(true);
    // 6 March + 30 days = 5 April, end of day EDT (UTC-4).
    expect(o.dueAt).toBe('2026-04-06T03:59:59.999Z');
  });
  it('314.4(j): 499 consumers is below "at least 500"', () => {
    expect(find(run({ ...GLBA, affected: { 'US-NY': 499 } }), 'us-glba-ftc:regulator:ftc').required).toBe(false);
  });
  it('314.4(j): a law enforcement request delays publication, not the notice', () => {
    const o = find(
      run({
        ...GLBA,
        affected: { 'US-NY': 800 },
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null },
      }),
      'us-glba-ftc:regulator:ftc',
    );
    expect(o.holdMayDelay).toBe(false);
    expect(o.dueAt).toBe('2026-04-06T03:59:59.999Z');
  });
  it('314.4(j): encrypted with the key safe is not a notification event', () => {
    expect(
      find(run({ ...GLBA, affected: { 'US-NY': 800 }, encrypted: true }), 'us-glba-ftc:regulator:ftc').required,
    ).toBe(false);
  });
  it('in force from 2024-05-13 only', () => {
    expect(ids(run({ ...GLBA, affected: { 'US-NY': 800 }, awarenessAt: '2024-05-12T12:00:00Z' }))).not.toContain(
      'us-glba-ftc:regulator:ftc',
    );
  });
});

describe('FTC Health Breach Notification Rule, 16 CFR 318 as amended in 2024 (us-ftc-hbnr)', () => {
  const HBNR = { sectors: ['ftc-hbnr-vendor'], dataElements: ['name', 'health'] };
  it('318.4(a): individuals within 60 days of discovery', () => {
    // 6 March + 60 days = 5 May, end of day EDT.
    expect(find(run({ ...HBNR, affected: { 'US-TX': 600 } }), 'us-ftc-hbnr:individuals:individuals').dueAt).toBe(
      '2026-05-06T03:59:59.999Z',
    );
  });
  it('318.5(c): 500 or more, the FTC at the same time as the individuals', () => {
    expect(find(run({ ...HBNR, affected: { 'US-TX': 500 } }), 'us-ftc-hbnr:regulator:ftc').dueAt).toBe(
      '2026-05-06T03:59:59.999Z',
    );
  });
  it('318.5(c): 499 people go in the yearly log, within 60 days of the end of the year', () => {
    // 31 December 2026 + 60 days = 1 March 2027, end of day EST (UTC-5).
    expect(find(run({ ...HBNR, affected: { 'US-TX': 499 } }), 'us-ftc-hbnr:regulator:ftc').dueAt).toBe(
      '2027-03-02T04:59:59.999Z',
    );
  });
  it('318.5(b): media only for more than 500 residents of a state', () => {
    expect(ids(run({ ...HBNR, affected: { 'US-TX': 500 } }))).not.toContain('us-ftc-hbnr:media:us-tx');
    expect(find(run({ ...HBNR, affected: { 'US-TX': 501 } }), 'us-ftc-hbnr:media:us-tx').required).toBe(true);
  });
  it('318.2 as amended in 2024: the breach-of-security definition (unauthorized disclosures included) is confirmed; the timing is not', () => {
    const o = find(run({ ...HBNR, affected: { 'US-TX': 600 } }), 'us-ftc-hbnr:individuals:individuals');
    expect(o.sources?.some((s) => s.confirmed && /318\.2/.test(s.fact) && /unauthorized disclosure/.test(s.fact))).toBe(
      true,
    );
    expect(o.unconfirmedFacts).toContainEqual(expect.stringMatching(/318\.4\(a\)/));
  });
  it('318.3(b): a service provider tells the vendor within 60 days', () => {
    const list = run({ ...HBNR, role: 'processor', affected: { 'US-TX': 10 } });
    expect(find(list, 'us-ftc-hbnr:controller:vendor').dueAt).toBe('2026-05-06T03:59:59.999Z');
  });
});

describe('SEC Regulation S-P as amended in 2024 (us-sec-reg-sp)', () => {
  const SP = { sectors: ['sec-reg-sp'], affected: { 'US-NY': 10 } };
  it('248.30(a)(4): individuals within 30 days of becoming aware', () => {
    const o = find(run(SP), 'us-sec-reg-sp:individuals:individuals');
    expect(o.required).toBe(true);
    // 6 March + 30 days = 5 April, end of day EDT.
    expect(o.dueAt).toBe('2026-04-06T03:59:59.999Z');
  });
  it('248.30(a)(5): a service provider tells the covered institution within 72 hours', () => {
    expect(find(run({ ...SP, role: 'processor' }), 'us-sec-reg-sp:controller:covered-institution').dueAt).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });
  it('248.30(a)(4): no substantial harm reasonably likely, no notice', () => {
    expect(find(run({ ...SP, riskLevel: 'none' }), 'us-sec-reg-sp:individuals:individuals').required).toBe(false);
  });
  it('larger entities comply from 2025-12-03', () => {
    expect(ids(run({ ...SP, awarenessAt: '2025-12-02T12:00:00Z' }))).not.toContain(
      'us-sec-reg-sp:individuals:individuals',
    );
  });
});

describe('NYDFS 23 NYCRR 500.17(c) extortion payments (us-nydfs)', () => {
  const PAID = { sectors: ['nydfs'], extortionPaymentAt: '2026-03-08T15:00:00Z' };
  it('500.17(c): notice within 24 hours of the payment', () => {
    expect(find(run(PAID), 'us-nydfs:regulator:superintendent-extortion-payment').dueAt).toBe(
      '2026-03-09T15:00:00.000Z',
    );
  });
  it('500.17(c): written justification within 30 days of the payment', () => {
    // 8 March (11:00 EDT) + 30 days = 7 April, end of day EDT.
    expect(find(run(PAID), 'us-nydfs:regulator:superintendent-extortion-justification').dueAt).toBe(
      '2026-04-08T03:59:59.999Z',
    );
  });
  it('500.17(c): no payment recorded, no extortion obligations', () => {
    expect(ids(run({ sectors: ['nydfs'] })).filter((i) => i.includes('extortion'))).toEqual([]);
  });
});

describe('FCC CPNI rule, 47 CFR 64.2011 (us-fcc-cpni)', () => {
  const CPNI = { sectors: ['telecom-provider'], affected: { 'US-CA': 10 } };
  it('64.2011(b): law enforcement within 7 business days of the determination', () => {
    // Friday 6 March + 7 business days: 9, 10, 11, 12, 13, 16, 17 March; end of 17 March EDT.
    expect(find(run(CPNI), 'us-fcc-cpni:regulator:law-enforcement').dueAt).toBe('2026-03-18T03:59:59.999Z');
  });
  it('64.2011(b): the 7 business days from reasonable determination are confirmed; the 2023 amendments are delayed indefinitely (FR Doc. 2024-01667)', () => {
    const o = find(run(CPNI), 'us-fcc-cpni:regulator:law-enforcement');
    expect(
      o.sources?.some((s) => s.confirmed && /64\.2011\(a\)-\(b\)/.test(s.fact) && /7 business days/.test(s.fact)),
    ).toBe(true);
    expect(o.sources?.some((s) => s.confirmed && /delayed indefinitely/.test(s.fact))).toBe(true);
    // Whether the FCC has since announced an effective date for the amended 64.2011 is not confirmed.
    expect(o.unconfirmedFacts).toContainEqual(expect.stringMatching(/effective date/));
  });
  it('64.2011(b): customers only after law enforcement; then due now', () => {
    expect(find(run(CPNI), 'us-fcc-cpni:individuals:customers').dueNow).toBeUndefined();
    const o = find(
      run({ ...CPNI, noticesSent: [{ regime: 'us-fcc-cpni', audience: 'regulator', at: '2026-03-10T12:00:00Z' }] }),
      'us-fcc-cpni:individuals:customers',
    );
    expect(o.dueNow).toBe(true);
    expect(o.clockStartedAt).toBe('2026-03-10T12:00:00.000Z');
  });
});

describe('ePrivacy Regulation 611/2013 (eu-eprivacy) replaces GDPR Arts. 33-34 for telecom providers', () => {
  const TEL = { sectors: ['telecom-provider'], affected: { DE: 10 }, establishments: { main: 'DE', others: [] } };
  it('Art. 2(2): the authority within 24 hours of detection, whatever the risk', () => {
    const o = find(run({ ...TEL, riskLevel: 'none' }), 'eu-eprivacy:regulator:de');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-03-07T09:00:00.000Z');
  });
  it('GDPR Art. 95: no Art. 33 or 34 notice for the same breach', () => {
    const list = run(TEL);
    expect(find(list, 'eu-gdpr:regulator:de').required).toBe(false);
    expect(find(list, 'eu-gdpr:regulator:de').why).toMatch(/Art\. 95/);
    expect(find(list, 'eu-gdpr:individuals:data-subjects').required).toBe(false);
    expect(find(list, 'eu-eprivacy:individuals:subscribers').required).toBe(true);
  });
});

describe('DORA Art. 19 and RTS 2025/301 (eu-dora)', () => {
  const DORA = {
    sectors: ['dora-financial-entity'],
    affected: { DE: 10 },
    establishments: { main: 'DE', others: [] },
  };
  it('RTS Art. 5: initial notification 4 hours after classification (no determination: awareness)', () => {
    // 09:00Z + 4 hours.
    expect(find(run(DORA), 'eu-dora:regulator:de-initial').dueAt).toBe('2026-03-06T13:00:00.000Z');
  });
  it('RTS Art. 5: classified at 20:00Z, 4 hours later is within 24 hours of awareness', () => {
    const o = find(
      run({ ...DORA, determinations: { notifiableAt: '2026-03-06T20:00:00Z' } }),
      'eu-dora:regulator:de-initial',
    );
    expect(o.dueAt).toBe('2026-03-07T00:00:00.000Z');
  });
  it('RTS Art. 5: classified late, the 24 hours from awareness bind', () => {
    // 07:00Z + 4 h = 11:00Z on 7 March, after 09:00Z (awareness + 24 h).
    const o = find(
      run({ ...DORA, determinations: { notifiableAt: '2026-03-07T07:00:00Z' } }),
      'eu-dora:regulator:de-initial',
    );
    expect(o.dueAt).toBe('2026-03-07T09:00:00.000Z');
  });
  it('RTS Art. 5: intermediate report 72 hours after the initial notification', () => {
    const o = find(
      run({
        ...DORA,
        noticesSent: [
          { regime: 'eu-dora', audience: 'regulator', at: '2026-03-06T12:00:00Z', id: 'eu-dora:regulator:de-initial' },
        ],
      }),
      'eu-dora:regulator:de-intermediate',
    );
    expect(o.dueAt).toBe('2026-03-09T12:00:00.000Z');
  });
  it('RTS 2025/301 Art. 5(1)(a)-(c): the 4/24-hour, 72-hour and one-month limits are confirmed against the text', () => {
    for (const id of [
      'eu-dora:regulator:de-initial',
      'eu-dora:regulator:de-intermediate',
      'eu-dora:regulator:de-final',
    ]) {
      const o = find(run(DORA), id);
      expect(o.sources?.some((s) => s.confirmed && /Art\. 5\(1\)\(a\)-\(c\)/.test(s.fact))).toBe(true);
      expect(o.unconfirmedFacts ?? []).not.toContainEqual(expect.stringMatching(/Art\. 5\(1\)/));
    }
    // The relief for time limits ending on a weekend or bank holiday was not read in the text and is not modelled.
    expect(find(run(DORA), 'eu-dora:regulator:de-initial').unconfirmedFacts).toContainEqual(
      expect.stringMatching(/weekend/),
    );
  });
  it('NIS2 Art. 4(1) and DORA Art. 1(2): the carve-out is confirmed against the texts', () => {
    const o = find(
      run({ ...DORA, sectors: ['dora-financial-entity', 'nis2-essential'] }),
      'eu-nis2:regulator:de-early-warning',
    );
    expect(o.sources?.some((s) => s.confirmed && /Art\. 4\(1\)/.test(s.fact) && /Art\. 1\(2\)/.test(s.fact))).toBe(
      true,
    );
    expect(o.unconfirmedFacts ?? []).not.toContainEqual(expect.stringMatching(/DORA/));
  });
  it('NIS2 Art. 4: a DORA entity makes no NIS2 report for the same incident', () => {
    const list = run({ ...DORA, sectors: ['dora-financial-entity', 'nis2-essential'] });
    expect(find(list, 'eu-nis2:regulator:de-early-warning').required).toBe(false);
    expect(find(list, 'eu-dora:regulator:de-initial').required).toBe(true);
  });
});

describe('state insurance data security laws on the NAIC model (us-ins-*)', () => {
  const INS = { sectors: ['insurance-licensee'] };
  it('S.C. Code 38-99-40: the Director within 72 hours of the determination, at 250 residents', () => {
    const o = find(run({ ...INS, affected: { 'US-SC': 250 } }), 'us-ins-sc:regulator:commissioner');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-03-09T09:00:00.000Z');
  });
  it('NAIC model Section 6: 249 residents of a state not of domicile, no notice', () => {
    expect(find(run({ ...INS, affected: { 'US-SC': 249 } }), 'us-ins-sc:regulator:commissioner').required).toBe(false);
  });
  it('Ala. Code 27-62-6: 3 business days from the determination', () => {
    // Friday 6 March (Central) + 3 business days = Wednesday 11 March, end of day CDT (UTC-5).
    expect(find(run({ ...INS, affected: { 'US-AL': 300 } }), 'us-ins-al:regulator:commissioner').dueAt).toBe(
      '2026-03-12T04:59:59.999Z',
    );
  });
  it('Mich. Comp. Laws 500.550-565: 10 days from the determination', () => {
    // 6 March + 10 days = 16 March, end of day EDT.
    expect(find(run({ ...INS, affected: { 'US-MI': 300 } }), 'us-ins-mi:regulator:commissioner').dueAt).toBe(
      '2026-03-17T03:59:59.999Z',
    );
  });
});
