import { describe, expect, it } from 'vitest';
import { run, find, ids } from './helpers';

const EU = { affected: { DE: 1200 } };

describe('GDPR (eu-gdpr)', () => {
  it.each([
    {
      name: 'Art. 33(1): lead authority of the main establishment, 72 hours from awareness',
      over: { ...EU, establishments: { main: 'IE', others: ['DE'] } },
      id: 'eu-gdpr:regulator:ie',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Art. 33(1): no main establishment, each authority concerned',
      over: { affected: { DE: 10, FR: 5 } },
      id: 'eu-gdpr:regulator:fr',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Art. 33(1): not required when unlikely to result in a risk',
      over: { ...EU, riskLevel: 'none' as const },
      id: 'eu-gdpr:regulator:de',
      required: false,
      dueAt: null,
    },
    {
      name: 'Art. 33(1): EEA (Norway) maps to eu-gdpr',
      over: { affected: { NO: 3 } },
      id: 'eu-gdpr:regulator:no',
      required: true,
      dueAt: '2026-03-09T09:00:00.000Z',
    },
    {
      name: 'Art. 34(1): data subjects without undue delay when high risk',
      over: EU,
      id: 'eu-gdpr:individuals:data-subjects',
      required: true,
      dueAt: null,
    },
    {
      name: 'Art. 34(1): not when the risk is not high',
      over: { ...EU, riskLevel: 'risk' as const },
      id: 'eu-gdpr:individuals:data-subjects',
      required: false,
      dueAt: null,
    },
    {
      name: 'Art. 34(3)(a): encrypted and key safe, no communication',
      over: { ...EU, encrypted: true, keyCompromised: false },
      id: 'eu-gdpr:individuals:data-subjects',
      required: false,
      dueAt: null,
    },
    {
      name: 'Art. 34(3)(a): encrypted but key compromised, communication required',
      over: { ...EU, encrypted: true, keyCompromised: true },
      id: 'eu-gdpr:individuals:data-subjects',
      required: true,
      dueAt: null,
    },
  ])('$name', ({ over, id, required, dueAt }) => {
    const o = find(run(over), id);
    expect(o.required).toBe(required);
    expect(o.dueAt).toBe(dueAt);
  });

  it('Art. 33(1): with a main establishment only the lead authority is notified', () => {
    const list = run({ affected: { DE: 10, FR: 5 }, establishments: { main: 'IE', others: [] } });
    expect(ids(list).filter((i) => i.startsWith('eu-gdpr:regulator'))).toEqual(['eu-gdpr:regulator:ie']);
  });

  it('Art. 33(2): a processor tells the controller, and the controller duties are not ours', () => {
    const list = run({ ...EU, role: 'processor', riskLevel: 'none' });
    const gdpr = list.filter((o) => o.regime === 'eu-gdpr');
    expect(ids(gdpr)).toEqual(['eu-gdpr:controller:controller']);
    expect(gdpr[0].required).toBe(true);
    expect(gdpr[0].deadline).toBe('without undue delay after becoming aware');
  });

  it('Art. 33(1): a law enforcement hold does not delay the regulator deadline; Recital 88 lets it hold subject notices', () => {
    const list = run({ ...EU, lawEnforcementHold: { requestedAt: '2026-03-06T10:00:00Z', releasedAt: null } });
    const reg = find(list, 'eu-gdpr:regulator:de');
    expect(reg.holdMayDelay).toBe(false);
    expect(reg.dueAt).toBe('2026-03-09T09:00:00.000Z');
    expect(find(list, 'eu-gdpr:individuals:data-subjects').holdMayDelay).toBe(true);
  });

  it("Recital 88: the company's own hold does not delay subject notices", () => {
    const o = find(
      run({ ...EU, lawEnforcementHold: { requestedAt: '2026-03-06T10:00:00Z', releasedAt: null, source: 'company' } }),
      'eu-gdpr:individuals:data-subjects',
    );
    expect(o.holdMayDelay).toBe(false);
    expect(o.why).toMatch(/does not delay/);
  });
});

describe('UK GDPR (uk-gdpr)', () => {
  it.each([
    {
      name: 'UK GDPR Art. 33(1): ICO within 72 hours',
      over: { affected: { GB: 50 } },
      id: 'uk-gdpr:regulator:ico',
      required: true,
    },
    {
      name: 'UK GDPR Art. 33(1): not when no risk',
      over: { affected: { GB: 50 }, riskLevel: 'none' as const },
      id: 'uk-gdpr:regulator:ico',
      required: false,
    },
    {
      name: 'UK GDPR Art. 34(3)(a): encryption exemption',
      over: { affected: { GB: 50 }, encrypted: true },
      id: 'uk-gdpr:individuals:data-subjects',
      required: false,
    },
  ])('$name', ({ over, id, required }) => {
    expect(find(run(over), id).required).toBe(required);
  });
});
