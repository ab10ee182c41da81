import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../rules';
import { run, find } from './helpers';

// Wider-world facts checked against the law's own text (or a verbatim reproduction of it): each confirmed fact is
// a confirmed source of the obligation and is no longer listed in unconfirmedFacts. awarenessAt is
// 2026-03-06T09:00Z and the risk 'high_risk' unless a test says otherwise.

const confirmed = (o: Obligation, re: RegExp): boolean =>
  o.sources?.some((s) => s.confirmed && re.test(s.fact)) ?? false;
const unconfirmed = (o: Obligation, re: RegExp): boolean => (o.unconfirmedFacts ?? []).some((f) => re.test(f));

describe('Switzerland FADP Art. 24 (checked against the text)', () => {
  it('FADP Art. 24(1): FDPIC as quickly as possible on a likely high risk, confirmed', () => {
    const o = find(run({ affected: { CH: 10 } }), 'ch-fadp:regulator:fdpic');
    expect(o.required).toBe(true);
    expect(o.dueNow).toBe(true);
    expect(o.deadline).toMatch(/as quickly as possible/);
    expect(confirmed(o, /Art\. 24\(1\)/)).toBe(true);
    expect(o.unconfirmedFacts ?? []).toEqual([]);
  });

  it('FADP Art. 24(3): the processor notifies the controller as quickly as possible, confirmed', () => {
    const o = find(run({ affected: { CH: 10 }, role: 'processor' }), 'ch-fadp:controller:controller');
    expect(o.deadline).toMatch(/as quickly as possible/);
    expect(confirmed(o, /Art\. 24\(3\)/)).toBe(true);
  });
});

describe('Turkey KVKK Art. 12(5) and Decision 2019/10', () => {
  it('KVKK Art. 12(5), Decision 2019/10: "the shortest time" read as 72 hours is confirmed; the clock start and the data-subject period are not', () => {
    const o = find(run({ affected: { TR: 10 }, riskLevel: 'none' }), 'tr-kvkk:regulator:kvkk-board');
    // 09:00Z + 72 h
    expect(o.dueAt).toBe('2026-03-09T09:00:00.000Z');
    expect(confirmed(o, /Art\. 12\(5\).*72 hours.*2019\/10/)).toBe(true);
    expect(unconfirmed(o, /reasonable time/)).toBe(true);
    expect(unconfirmed(o, /Art\. 12\(5\)\)/)).toBe(false);
  });
});

describe('Saudi PDPL Art. 20 and Implementing Regulation Art. 24', () => {
  it('PDPL Art. 20(1), Regulation Art. 24(1): SDAIA within 72 hours on possible harm, confirmed', () => {
    const o = find(run({ affected: { SA: 10 }, riskLevel: 'risk' }), 'sa-pdpl:regulator:sdaia');
    expect(o.dueAt).toBe('2026-03-09T09:00:00.000Z');
    expect(confirmed(o, /PDPL Art\. 20\(1\)-\(2\)/)).toBe(true);
    expect(confirmed(o, /Art\. 24\(1\)/)).toBe(true);
    expect(unconfirmed(o, /Art\. 24\(1\)/)).toBe(false);
  });

  it('Regulation Art. 24(5): data subjects without undue delay stays unconfirmed', () => {
    const o = find(run({ affected: { SA: 10 } }), 'sa-pdpl:individuals:data-subjects');
    expect(unconfirmed(o, /Art\. 24\(5\)/)).toBe(true);
  });
});

describe('Kenya Data Protection Act s. 43', () => {
  it('DPA s. 43(1)(a): the Commissioner within 72 hours, confirmed', () => {
    const o = find(run({ affected: { KE: 10 }, riskLevel: 'risk' }), 'ke-dpa:regulator:odpc');
    expect(o.dueAt).toBe('2026-03-09T09:00:00.000Z');
    expect(confirmed(o, /s\. 43\(1\)\(a\)/)).toBe(true);
    expect(unconfirmed(o, /s\. 43\(6\)/)).toBe(true);
  });

  it('DPA s. 43(3), not s. 43(2): the processor within 48 hours where reasonably practicable', () => {
    // 09:00Z + 48 h
    const o = find(run({ affected: { KE: 10 }, role: 'processor' }), 'ke-dpa:controller:controller');
    expect(o.dueAt).toBe('2026-03-08T09:00:00.000Z');
    expect(o.basis).toMatch(/s\. 43\(3\)/);
    expect(confirmed(o, /s\. 43\(3\)/)).toBe(true);
  });

  it('DPA s. 43(4): the delay for an offence investigation is named in the hold note', () => {
    const o = find(run({ affected: { KE: 10 } }), 'ke-dpa:individuals:data-subjects');
    expect(o.basis).toMatch(/43\(1\)\(b\), \(4\)/);
    expect(confirmed(o, /s\. 43\(4\)/)).toBe(true);
  });
});

describe('South Africa POPIA ss. 21(2), 22', () => {
  it('POPIA s. 22(1)-(2): the Regulator as soon as reasonably possible after discovery, confirmed; s. 22(3) and commencement are not', () => {
    const o = find(run({ affected: { ZA: 10 }, riskLevel: 'none' }), 'za-popia:regulator:information-regulator');
    expect(o.required).toBe(true);
    expect(confirmed(o, /s\. 22\(1\)-\(2\)/)).toBe(true);
    expect(confirmed(o, /s\. 21\(2\)/)).toBe(true);
    expect(unconfirmed(o, /s\. 22\(3\)/)).toBe(true);
  });
});

describe('Philippines IRR of RA 10173 s. 38', () => {
  it('IRR s. 38(a): the Commission within 72 hours of knowledge or reasonable belief, confirmed; Circular 16-03 is not', () => {
    // notifiableAt 2026-03-07T00:00Z + 72 h
    const o = find(
      run({ affected: { PH: 10 }, determinations: { notifiableAt: '2026-03-07T00:00:00Z' } }),
      'ph-dpa:regulator:npc',
    );
    expect(o.dueAt).toBe('2026-03-10T00:00:00.000Z');
    expect(o.basis).toMatch(/IRR s\. 38\(a\)-\(b\)/);
    expect(confirmed(o, /s\. 38\(a\)-\(b\)/)).toBe(true);
    expect(unconfirmed(o, /Circular 16-03/)).toBe(true);
  });
});

describe('Malaysia PDPA s. 12B', () => {
  it('PDPA s. 12B(1)-(2): checked against the text of the amending Act, the guideline facts are not', () => {
    const o = find(run({ affected: { MY: 1001 }, riskLevel: 'risk' }), 'my-pdpa:regulator:commissioner');
    expect(o.sources?.some((s) => s.confirmed && /s\. 12B\(1\)/.test(s.fact) && /mylaw\.my/.test(s.url ?? ''))).toBe(
      true,
    );
    expect(unconfirmed(o, /1,000/)).toBe(true);
  });
});

describe('Israel Data Security Regulations', () => {
  it('reg. 1: the definition of a severe security incident is confirmed; the reg. 11 duty is not', () => {
    const o = find(run({ affected: { IL: 10 } }), 'il-ppl:regulator:ppa');
    expect(o.required).toBe(true);
    expect(confirmed(o, /\(reg\. 1\)/)).toBe(true);
    expect(unconfirmed(o, /reg\. 11/)).toBe(true);
  });
});
