import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

const HIPAA = { sectors: ['hipaa'], dataElements: ['name', 'health'], affected: { 'US-TX': 600, 'US-OH': 10 } };

describe('HIPAA (us-hipaa)', () => {
  it.each([
    {
      name: '164.404(b): individuals within 60 calendar days of discovery',
      over: HIPAA,
      id: 'us-hipaa:individuals:individuals',
      required: true,
      dueAt: '2026-05-06T03:59:59.999Z',
    },
    {
      name: '164.402: secured (encrypted, key safe) PHI is not a breach',
      over: { ...HIPAA, encrypted: true },
      id: 'us-hipaa:individuals:individuals',
      required: false,
      dueAt: null,
    },
    {
      name: '164.402: encrypted PHI with a compromised key is unsecured',
      over: { ...HIPAA, encrypted: true, keyCompromised: true },
      id: 'us-hipaa:individuals:individuals',
      required: true,
      dueAt: '2026-05-06T03:59:59.999Z',
    },
    {
      name: '164.402(2): low probability of compromise is not a breach',
      over: { ...HIPAA, riskLevel: 'none' },
      id: 'us-hipaa:individuals:individuals',
      required: false,
      dueAt: null,
    },
    {
      name: '164.406: media for more than 500 residents of a state',
      over: HIPAA,
      id: 'us-hipaa:media:us-tx',
      required: true,
      dueAt: '2026-05-06T03:59:59.999Z',
    },
    {
      name: '164.408(b): HHS with the individual notices at 500 or more',
      over: HIPAA,
      id: 'us-hipaa:regulator:hhs',
      required: true,
      dueAt: '2026-05-06T03:59:59.999Z',
    },
    {
      name: '164.408(c): fewer than 500, within 60 days of the end of the year',
      over: { ...HIPAA, affected: { 'US-OH': 499 } },
      id: 'us-hipaa:regulator:hhs',
      required: true,
      dueAt: '2027-03-02T04:59:59.999Z',
    },
  ])('$name', ({ over, id, required, dueAt }) => {
    const o = find(run(over), id);
    expect(o.required).toBe(required);
    expect(o.dueAt).toBe(dueAt);
  });

  it('164.406: no media notice for a state with 500 residents', () => {
    expect(ids(run({ ...HIPAA, affected: { 'US-TX': 500 } }))).not.toContain('us-hipaa:media:us-tx');
  });

  it('164.410: a business associate notifies the covered entity', () => {
    const list = run({ ...HIPAA, sectors: ['hipaa-business-associate'] }).filter((o) => o.regime === 'us-hipaa');
    expect(ids(list)).toEqual(['us-hipaa:controller:covered-entity']);
  });

  it('164.412(b): an oral law enforcement statement delays at most 30 days; a company hold not at all', () => {
    const oral = find(
      run({ ...HIPAA, lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' } }),
      'us-hipaa:individuals:individuals',
    );
    expect(oral.dueAt).toBe('2026-06-05T03:59:59.999Z');
    const company = find(
      run({
        ...HIPAA,
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, source: 'company' },
      }),
      'us-hipaa:individuals:individuals',
    );
    expect(company.holdMayDelay).toBe(false);
    expect(company.dueAt).toBe('2026-05-06T03:59:59.999Z');
  });
});

const SEC = { sectors: ['sec-registrant'] };

describe('SEC Form 8-K Item 1.05 (us-sec)', () => {
  it.each([
    {
      name: 'Item 1.05: Monday determination, due Friday 17:30 ET',
      at: '2026-03-02T15:00:00-05:00',
      dueAt: '2026-03-06T22:30:00.000Z',
    },
    {
      name: 'Item 1.05: Thursday determination crosses the weekend, due Wednesday',
      at: '2026-03-05T10:00:00-05:00',
      dueAt: '2026-03-11T21:30:00.000Z',
    },
    {
      name: 'Item 1.05: Saturday determination counts from Monday',
      at: '2026-03-07T10:00:00-05:00',
      dueAt: '2026-03-12T21:30:00.000Z',
    },
    {
      name: 'Item 1.05 with General Instruction B.1: federal holidays do not count (Thanksgiving 2026)',
      at: '2026-11-24T10:00:00-05:00',
      dueAt: '2026-12-01T22:30:00.000Z',
    },
  ])('$name', ({ at, dueAt }) => {
    const o = find(run({ ...SEC, determinations: { materialityAt: at } }), 'us-sec:regulator:form-8-k');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe(dueAt);
  });

  it('17 CFR 232.13(a)(2): a filing commenced by 17:30 Eastern is filed that business day (confirmed against the rule text)', () => {
    // Monday 2 March 2026 + 4 business days = Friday 6 March; 17:30 EST (UTC-5) = 22:30Z.
    const o = find(
      run({ ...SEC, determinations: { materialityAt: '2026-03-02T15:00:00-05:00' } }),
      'us-sec:regulator:form-8-k',
    );
    expect(o.dueAt).toBe('2026-03-06T22:30:00.000Z');
    expect(o.sources?.some((s) => s.confirmed && /232\.13/.test(s.fact))).toBe(true);
    expect(o.unconfirmedFacts ?? []).not.toContainEqual(expect.stringMatching(/EDGAR|232\.13/));
  });

  it('Item 1.05: no materiality determination yet, no dueAt and the reason', () => {
    const o = find(run(SEC), 'us-sec:regulator:form-8-k');
    expect(o.dueAt).toBeNull();
    expect(o.why).toMatch(/materialityAt not given/);
  });

  it('Item 1.05(c): only the U.S. Attorney General may delay', () => {
    const le = find(
      run({
        ...SEC,
        determinations: { materialityAt: '2026-03-02T15:00:00-05:00' },
        lawEnforcementHold: { requestedAt: '2026-03-03T00:00:00Z', releasedAt: null },
      }),
      'us-sec:regulator:form-8-k',
    );
    expect(le.holdMayDelay).toBe(false);
    expect(le.dueAt).toBe('2026-03-06T22:30:00.000Z');
    const ag = find(
      run({
        ...SEC,
        determinations: { materialityAt: '2026-03-02T15:00:00-05:00' },
        lawEnforcementHold: { requestedAt: '2026-03-03T00:00:00Z', releasedAt: null, source: 'us_attorney_general' },
      }),
      'us-sec:regulator:form-8-k',
    );
    expect(ag.holdMayDelay).toBe(true);
    expect(ag.dueAt).toBeNull();
  });
});

describe('NYDFS 23 NYCRR 500.17 (us-nydfs)', () => {
  it.each([
    {
      name: '500.17(a)(1): 72 hours from the determination',
      over: { sectors: ['nydfs'], determinations: { notifiableAt: '2026-03-06T12:00:00Z' } },
      required: true,
      dueAt: '2026-03-09T12:00:00.000Z',
    },
    {
      name: '500.17(a)(1): no determination time, the clock runs from awareness',
      over: { sectors: ['nydfs'] },
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: '500.17(a): not a reportable incident when no risk',
      over: { sectors: ['nydfs'], riskLevel: 'none' },
      required: false,
      dueAt: null,
    },
  ])('$name', ({ over, required, dueAt }) => {
    const o = find(run(over), 'us-nydfs:regulator:superintendent');
    expect(o.required).toBe(required);
    expect(o.dueAt).toBe(dueAt);
  });

  it('500.17(a)(1): the 72 hours from determining a cybersecurity incident occurred are confirmed against the regulation text', () => {
    // Determined 6 March 12:00Z + 72 hours = 9 March 12:00Z (an exact instant).
    const o = find(
      run({ sectors: ['nydfs'], determinations: { notifiableAt: '2026-03-06T12:00:00Z' } }),
      'us-nydfs:regulator:superintendent',
    );
    expect(o.dueAt).toBe('2026-03-09T12:00:00.000Z');
    expect(o.sources?.some((s) => s.confirmed && /500\.17\(a\)\(1\)/.test(s.fact) && /72 hours/.test(s.fact))).toBe(
      true,
    );
    expect(o.unconfirmedFacts ?? []).not.toContainEqual(expect.stringMatching(/72 hours/));
  });
});
