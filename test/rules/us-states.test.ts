import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';
import { REGIMES } from '../../rules';
import { US_STATE_NAMES } from '../../rules/vocabulary';

describe('US state laws', () => {
  it('covers all 50 states, DC, Puerto Rico, Guam and the US Virgin Islands', () => {
    const codes = Object.keys(US_STATE_NAMES).filter((c) => !['AS', 'MP', 'UM'].includes(c));
    expect(codes).toHaveLength(54);
    for (const c of codes) expect(REGIMES.map((r) => r.id)).toContain(`us-${c.toLowerCase()}`);
  });

  it.each([
    {
      name: 'Tex. Bus. & Com. Code 521.053(i): Attorney General not notified at 249 residents',
      n: 249,
      required: false,
    },
    { name: 'Tex. Bus. & Com. Code 521.053(i): Attorney General notified at 250 residents', n: 250, required: true },
  ])('$name', ({ n, required }) => {
    expect(find(run({ affected: { 'US-TX': n } }), 'us-tx:regulator:attorney-general').required).toBe(required);
  });

  it('Tex. Bus. & Com. Code 521.053(b),(i): 60 and 30 days from the determination', () => {
    const list = run({ affected: { 'US-TX': 300 }, determinations: { notifiableAt: '2026-03-06T12:00:00Z' } });
    expect(find(list, 'us-tx:individuals:residents').dueAt).toBe('2026-05-06T04:59:59.999Z');
    expect(find(list, 'us-tx:regulator:attorney-general').dueAt).toBe('2026-04-06T04:59:59.999Z');
  });

  it('Tex. Bus. & Com. Code 521.053(h): consumer reporting agencies above 10,000', () => {
    expect(find(run({ affected: { 'US-TX': 10000 } }), 'us-tx:credit_agencies:nationwide-cras').required).toBe(false);
    expect(find(run({ affected: { 'US-TX': 10001 } }), 'us-tx:credit_agencies:nationwide-cras').required).toBe(true);
  });

  it('Tex. Bus. & Com. Code 521.053(b): determination not given, the clock runs from awarenessAt and says so', () => {
    const o = find(run({ affected: { 'US-TX': 300 } }), 'us-tx:individuals:residents');
    // awarenessAt 2026-03-06T09:00Z = 03:00 CST on 6 March; + 60 days = end of 5 May CDT (UTC-5).
    expect(o.dueAt).toBe('2026-05-06T04:59:59.999Z');
    expect(o.why).toMatch(/notifiableAt/);
    expect(o.why).toMatch(/awarenessAt/);
  });

  describe('determination clock (issue 13): Texas, Florida and Colorado', () => {
    const affected = { 'US-TX': 300, 'US-FL': 600, 'US-CO': 700 };
    it('Tex. Bus. & Com. Code 521.053, Fla. Stat. 501.171, Colo. Rev. Stat. 6-1-716: no determination given, dates run from awarenessAt', () => {
      const list = run({ affected });
      // awarenessAt 2026-03-06T09:00Z is 6 March in all three zones.
      // Texas (Central): +60 days = 5 May, +30 days = 5 April, end of day CDT (UTC-5).
      expect(find(list, 'us-tx:individuals:residents').dueAt).toBe('2026-05-06T04:59:59.999Z');
      expect(find(list, 'us-tx:regulator:attorney-general').dueAt).toBe('2026-04-06T04:59:59.999Z');
      // Florida (Eastern): +30 days = 5 April, end of day EDT (UTC-4).
      expect(find(list, 'us-fl:individuals:residents').dueAt).toBe('2026-04-06T03:59:59.999Z');
      expect(find(list, 'us-fl:regulator:attorney-general').dueAt).toBe('2026-04-06T03:59:59.999Z');
      // Colorado (Mountain): +30 days = 5 April, end of day MDT (UTC-6).
      expect(find(list, 'us-co:individuals:residents').dueAt).toBe('2026-04-06T05:59:59.999Z');
      expect(find(list, 'us-co:regulator:attorney-general').dueAt).toBe('2026-04-06T05:59:59.999Z');
    });

    it('Tex. Bus. & Com. Code 521.053, Fla. Stat. 501.171, Colo. Rev. Stat. 6-1-716: a later determination moves the dates', () => {
      const list = run({ affected, determinations: { notifiableAt: '2026-03-20T15:00:00Z' } });
      // 20 March in all three zones: +60 days = 19 May, +30 days = 19 April.
      expect(find(list, 'us-tx:individuals:residents').dueAt).toBe('2026-05-20T04:59:59.999Z');
      expect(find(list, 'us-tx:regulator:attorney-general').dueAt).toBe('2026-04-20T04:59:59.999Z');
      expect(find(list, 'us-fl:individuals:residents').dueAt).toBe('2026-04-20T03:59:59.999Z');
      expect(find(list, 'us-co:individuals:residents').dueAt).toBe('2026-04-20T05:59:59.999Z');
      expect(find(list, 'us-co:regulator:attorney-general').dueAt).toBe('2026-04-20T05:59:59.999Z');
      expect(find(list, 'us-co:individuals:residents').why).not.toMatch(/runs from awarenessAt/);
    });
  });

  it('Fla. Stat. 501.171(3)-(4): 30 days from determination; Department of Legal Affairs at 500', () => {
    const list = run({ affected: { 'US-FL': 500 }, determinations: { notifiableAt: '2026-03-06T12:00:00Z' } });
    expect(find(list, 'us-fl:individuals:residents').dueAt).toBe('2026-04-06T03:59:59.999Z');
    expect(find(list, 'us-fl:regulator:attorney-general').required).toBe(true);
  });

  it('Fla. Stat. 501.171(4)(c): no-harm determination goes to the Department of Legal Affairs', () => {
    const list = run({ affected: { 'US-FL': 10 }, riskLevel: 'none' });
    expect(find(list, 'us-fl:individuals:residents').required).toBe(false);
    expect(find(list, 'us-fl:regulator:attorney-general').required).toBe(true);
  });

  it('Fla. Stat. 501.171(4)(b): an oral law enforcement request does not delay', () => {
    expect(
      find(
        run({
          affected: { 'US-FL': 10 },
          lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
        }),
        'us-fl:individuals:residents',
      ).holdMayDelay,
    ).toBe(false);
  });

  it('N.Y. Gen. Bus. Law 899-aa(2) as amended: 30 days from discovery; AG, Department of State, State Police and DFS', () => {
    const list = run({ affected: { 'US-NY': 5 } });
    expect(find(list, 'us-ny:individuals:residents').dueAt).toBe('2026-04-06T03:59:59.999Z');
    expect(ids(list).filter((i) => i.startsWith('us-ny:regulator'))).toEqual([
      'us-ny:regulator:attorney-general',
      'us-ny:regulator:department-of-state',
      'us-ny:regulator:state-police',
      'us-ny:regulator:dfs',
    ]);
  });

  it('N.J. Stat. 56:8-163(c)(1) and Md. 14-3504(h): the State Police and the AG are told before the residents, Iowa after', () => {
    expect(find(run({ affected: { 'US-NJ': 5 } }), 'us-nj:regulator:state-police').order).toBe('beforeIndividuals');
    expect(find(run({ affected: { 'US-MD': 5 } }), 'us-md:regulator:attorney-general').order).toBe('beforeIndividuals');
    expect(find(run({ affected: { 'US-IA': 501 } }), 'us-ia:regulator:attorney-general').order).toBe(
      'afterIndividuals',
    );
    expect(find(run({ affected: { 'US-NY': 5 } }), 'us-ny:individuals:residents').order).toBeUndefined();
  });

  it('Okla. Stat. tit. 24, 163 as amended by SB 626: Attorney General only from 2026 and at 500', () => {
    expect(find(run({ affected: { 'US-OK': 500 } }), 'us-ok:regulator:attorney-general').required).toBe(true);
    expect(find(run({ affected: { 'US-OK': 499 } }), 'us-ok:regulator:attorney-general').required).toBe(false);
    expect(ids(run({ affected: { 'US-OK': 500 }, awarenessAt: '2025-06-01T00:00:00Z' }))).not.toContain(
      'us-ok:regulator:attorney-general',
    );
  });

  it('Vt. Stat. tit. 9, 2435(b)(3): preliminary notice within 14 business days, across weekends', () => {
    const o = find(
      run({ affected: { 'US-VT': 3 }, discoveredAt: '2026-03-06T12:00:00Z' }),
      'us-vt:regulator:attorney-general',
    );
    expect(o.dueAt).toBe('2026-03-27T03:59:59.999Z');
  });

  it('Iowa Code 715C.2(8): Attorney General within 5 business days of notifying residents', () => {
    const o = find(
      run({
        affected: { 'US-IA': 501 },
        noticesSent: [{ regime: 'us-ia', audience: 'individuals', at: '2026-03-06T18:00:00Z' }],
      }),
      'us-ia:regulator:attorney-general',
    );
    expect(o.dueAt).toBe('2026-03-14T04:59:59.999Z');
  });

  it('Ga. Code 10-1-912: no risk-of-harm exemption; Ohio 1349.19 has one', () => {
    expect(find(run({ affected: { 'US-GA': 3 }, riskLevel: 'none' }), 'us-ga:individuals:residents').required).toBe(
      true,
    );
    expect(find(run({ affected: { 'US-OH': 3 }, riskLevel: 'none' }), 'us-oh:individuals:residents').required).toBe(
      false,
    );
  });

  it('Mass. Gen. Laws ch. 93H, 3(b): the notice leaves out the nature of the breach', () => {
    expect(find(run({ affected: { 'US-MA': 3 } }), 'us-ma:individuals:residents').content).not.toContain('nature');
  });

  it('unconfirmed state facts are marked so in sources and why', () => {
    // Guam: no statute text could be read, so nothing is checked.
    const o = find(run({ affected: { 'US-GU': 3 } }), 'us-gu:individuals:residents');
    expect(o.sources?.every((s) => !s.confirmed)).toBe(true);
    expect(o.unconfirmedFacts).toContain('GU: the list of covered data elements');
    expect(o.why).toMatch(/Unconfirmed/);
  });
});
