import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factsSchema, obligations, DATA_ELEMENTS, SECTORS, type Facts } from '../../rules';

// Property tests over facts the schema accepts.

const CODES = [
  // issue 13: states with processor limits or insurance laws, and the wider world
  'US-OR',
  'US-SC',
  'US-AL',
  'US-MI',
  'CH',
  'TR',
  'SA',
  'AE',
  'IL',
  'ZA',
  'KE',
  'NG',
  'NZ',
  'TH',
  'PH',
  'ID',
  'VN',
  'MY',
  'MX',
  'AR',
  'CO',
  'CL',
  'PE',
  'HK',
  'TW',
  'CA-AB',
  'US-CA',
  'US-TX',
  'US-NY',
  'US-FL',
  'US-MA',
  'US-VT',
  'US-IA',
  'US-OK',
  'US-GA',
  'US',
  'DE',
  'FR',
  'IE',
  'NO',
  'GB',
  'CN',
  'CA-QC',
  'CA-ON',
  'AU',
  'BR',
  'SG',
  'JP',
  'KR',
  'IN',
  'ZA',
];
const instant = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const count = fc.integer({ min: 0, max: 2_000_000 });
const factsArb = fc.record({
  awarenessAt: instant,
  role: fc.constantFrom('controller', 'processor'),
  dataElements: fc.subarray([...DATA_ELEMENTS]),
  encrypted: fc.boolean(),
  keyCompromised: fc.boolean(),
  affected: fc.dictionary(fc.constantFrom(...CODES), count, { maxKeys: 8 }),
  riskLevel: fc.constantFrom('none', 'risk', 'high_risk'),
  sectors: fc.subarray([...SECTORS]),
  lawEnforcementHold: fc.option(
    fc.record({
      requestedAt: instant,
      releasedAt: fc.option(instant, { nil: null }),
      source: fc.constantFrom('law_enforcement', 'company', 'us_attorney_general'),
      form: fc.constantFrom('written', 'oral'),
    }),
    { nil: null },
  ),
  determinations: fc.record({ materialityAt: instant, notifiableAt: instant }, { requiredKeys: [] }),
  extortionPaymentAt: fc.option(instant, { nil: undefined }),
  noticesSent: fc.array(
    fc.record({
      regime: fc.constantFrom('us-ca', 'us-ia', 'eu-nis2', 'eu-dora', 'us-fcc-cpni'),
      audience: fc.constantFrom('individuals', 'regulator'),
      at: instant,
    }),
    { maxLength: 2 },
  ),
  establishments: fc.record({
    main: fc.option(fc.constantFrom('IE', 'DE', 'US', 'CN', 'IN'), { nil: null }),
    others: fc.subarray(['DE', 'FR', 'IN']),
  }),
});

const parse = (raw: unknown): Facts => factsSchema.parse(raw);

/** The earliest instant any clock can start from, given the facts. */
function earliestClock(f: Facts): number {
  const times = [
    f.awarenessAt,
    f.discoveredAt,
    f.determinations.materialityAt,
    f.determinations.notifiableAt,
    f.extortionPaymentAt,
    ...f.noticesSent.map((n) => n.at),
  ]
    .filter((t): t is string => !!t)
    .map((t) => Date.parse(t));
  return Math.min(...times);
}

describe('rules engine properties', () => {
  it('never throws on facts the schema accepts', () => {
    fc.assert(
      fc.property(factsArb, (raw) => {
        const f = factsSchema.safeParse(raw);
        if (f.success) obligations(f.data);
      }),
      { numRuns: 400 },
    );
  });

  it('dueAt is never before the clock start', () => {
    fc.assert(
      fc.property(factsArb, (raw) => {
        const f = parse(raw);
        const floor = earliestClock(f);
        for (const o of obligations(f)) if (o.dueAt) expect(Date.parse(o.dueAt)).toBeGreaterThanOrEqual(floor);
      }),
      { numRuns: 400 },
    );
  });

  it('adding affected residents never removes a required obligation', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...CODES), fc.integer({ min: 1, max: 2_000_000 }), (raw, code, more) => {
        const before = obligations(parse(raw))
          .filter((o) => o.required)
          .map((o) => o.id);
        const grown = { ...raw, affected: { ...raw.affected, [code]: (raw.affected[code] ?? 0) + more } };
        const after = new Set(
          obligations(parse(grown))
            .filter((o) => o.required)
            .map((o) => o.id),
        );
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same facts give the same obligations', () => {
    fc.assert(
      fc.property(factsArb, (raw) => {
        expect(obligations(parse(raw))).toEqual(obligations(parse(raw)));
      }),
      { numRuns: 100 },
    );
  });

  it('obligation ids are unique', () => {
    fc.assert(
      fc.property(factsArb, (raw) => {
        const list = obligations(parse(raw));
        expect(new Set(list.map((o) => o.id)).size).toBe(list.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('catalog vocabulary', () => {
  it('every content element an obligation asks for is described in CONTENT_ELEMENTS', async () => {
    const { CONTENT_ELEMENTS } = await import('../../rules');
    fc.assert(
      fc.property(factsArb, (raw) => {
        for (const o of obligations(parse(raw)))
          for (const c of o.content) expect(CONTENT_ELEMENTS[c], c).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('isKnownJurisdiction accepts real countries and supported subdivisions, case-sensitively', async () => {
    const { isKnownJurisdiction } = await import('../../rules');
    expect(['DE', 'US', 'ZA', 'US-CA', 'US-PR', 'CA-QC', 'AU-NSW'].every(isKnownJurisdiction)).toBe(true);
    expect(['de', 'XX', 'US-XX', 'EU', 'UK', 'us-ca'].some(isKnownJurisdiction)).toBe(false);
  });
});
