import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';
import { applyHold, type HoldRule } from '../../rules/deadline';

// The engine's verdict on a hold per obligation (heldNow, heldUntil), so the workflow applies it
// instead of guessing from holdMayDelay.

const CA = { affected: { 'US-CA': 600 } };
const CA_ID = 'us-ca:individuals:residents';
const HIPAA = { sectors: ['hipaa'], dataElements: ['name', 'health'], affected: { 'US-TX': 600 } };
const HIPAA_ID = 'us-hipaa:individuals:individuals';
const SEC = { sectors: ['sec-registrant'] };
const SEC_ID = 'us-sec:regulator:form-8-k';
const CPNI = { sectors: ['telecom-provider'], affected: { 'US-CA': 10 } };
const CPNI_ID = 'us-fcc-cpni:individuals:customers';

describe('hold verdict (heldNow, heldUntil)', () => {
  it('a written law enforcement hold under a law that accepts it: held now, with no end', () => {
    const o = find(
      run({ ...CA, lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: null } }),
      CA_ID,
    );
    expect(o.heldNow).toBe(true);
    expect(o).not.toHaveProperty('heldUntil');
    expect(o.dueAt).toBeNull();
  });

  it('an oral hold under HIPAA (at most 30 days): held now, until the request + 30 days; dueAt already moved', () => {
    const o = find(
      run({
        ...HIPAA,
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      HIPAA_ID,
    );
    expect(o.heldNow).toBe(true);
    expect(o.heldUntil).toBe('2026-04-06T00:00:00.000Z');
    expect(o.dueAt).toBe('2026-06-05T03:59:59.999Z');
  });

  it('an oral hold released before its cap: neither field', () => {
    const o = find(
      run({
        ...HIPAA,
        lawEnforcementHold: {
          requestedAt: '2026-03-07T00:00:00Z',
          releasedAt: '2026-03-17T00:00:00Z',
          form: 'oral',
        },
      }),
      HIPAA_ID,
    );
    expect(o).not.toHaveProperty('heldNow');
    expect(o).not.toHaveProperty('heldUntil');
  });

  it('a hold requested after the deadline: neither field, dueAt unchanged', () => {
    const o = find(
      run({ ...CA, lawEnforcementHold: { requestedAt: '2026-04-10T00:00:00Z', releasedAt: null } }),
      CA_ID,
    );
    expect(o.holdMayDelay).toBe(true);
    expect(o.dueAt).toBe('2026-04-06T06:59:59.999Z');
    expect(o).not.toHaveProperty('heldNow');
    expect(o).not.toHaveProperty('heldUntil');
    const oral = find(
      run({
        ...HIPAA,
        lawEnforcementHold: { requestedAt: '2026-05-10T00:00:00Z', releasedAt: null, form: 'oral' },
      }),
      HIPAA_ID,
    );
    expect(oral.dueAt).toBe('2026-05-06T03:59:59.999Z');
    expect(oral).not.toHaveProperty('heldNow');
    expect(oral).not.toHaveProperty('heldUntil');
  });

  it("the company's own hold where only law enforcement counts: neither field", () => {
    const o = find(
      run({
        ...CA,
        lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: null, source: 'company' },
      }),
      CA_ID,
    );
    expect(o.holdMayDelay).toBe(false);
    expect(o).not.toHaveProperty('heldNow');
    expect(o).not.toHaveProperty('heldUntil');
  });

  it('a hold in a form the law does not accept (oral, where only a written one counts): neither field', () => {
    const o = find(
      run({
        ...SEC,
        determinations: { materialityAt: '2026-03-02T15:00:00-05:00' },
        lawEnforcementHold: {
          requestedAt: '2026-03-03T00:00:00Z',
          releasedAt: null,
          source: 'us_attorney_general',
          form: 'oral',
        },
      }),
      SEC_ID,
    );
    expect(o.holdMayDelay).toBe(false);
    expect(o).not.toHaveProperty('heldNow');
  });

  it('a released hold: neither field, the deadline moved by the held time', () => {
    const o = find(
      run({
        ...CA,
        lawEnforcementHold: { requestedAt: '2026-03-10T00:00:00Z', releasedAt: '2026-03-20T00:00:00Z' },
      }),
      CA_ID,
    );
    expect(o.dueAt).toBe('2026-04-16T06:59:59.999Z');
    expect(o).not.toHaveProperty('heldNow');
    expect(o).not.toHaveProperty('heldUntil');
  });

  it('a required obligation whose clock has not started: an accepted unreleased hold is held now', () => {
    const o = find(
      run({ ...CPNI, lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: null } }),
      CPNI_ID,
    );
    expect(o.required).toBe(true);
    expect(o.dueAt).toBeNull();
    expect(o).not.toHaveProperty('clockStartedAt');
    expect(o.heldNow).toBe(true);
    expect(o).not.toHaveProperty('heldUntil');
    const released = find(
      run({
        ...CPNI,
        lawEnforcementHold: { requestedAt: '2026-03-07T00:00:00Z', releasedAt: '2026-03-09T00:00:00Z' },
      }),
      CPNI_ID,
    );
    expect(released).not.toHaveProperty('heldNow');
  });

  it('no hold in the facts: neither field', () => {
    const o = find(run(CA), CA_ID);
    expect(o).not.toHaveProperty('heldNow');
    expect(o).not.toHaveProperty('heldUntil');
  });
});

describe('applyHold: until', () => {
  const ORAL_CAPPED: HoldRule = { sources: ['law_enforcement'], oralMaxDays: 30, note: 'test' };
  const hold = (releasedAt: string | null) =>
    ({ requestedAt: '2026-03-07T00:00:00Z', releasedAt, source: 'law_enforcement', form: 'oral' }) as const;

  it('an unreleased oral hold with an unknown deadline gives the cap', () => {
    const r = applyHold(ORAL_CAPPED, hold(null), null, null, 'test');
    expect(r.held).toBe(false);
    expect(r.until).toBe(Date.parse('2026-04-06T00:00:00Z'));
  });

  it('a released oral hold gives no until, even when released after its cap', () => {
    expect(applyHold(ORAL_CAPPED, hold('2026-05-01T00:00:00Z'), null, null, 'test').until).toBeNull();
    expect(applyHold(ORAL_CAPPED, hold('2026-03-10T00:00:00Z'), null, null, 'test').until).toBeNull();
  });
});
