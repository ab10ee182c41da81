import { describe, expect, it } from 'vitest';
import type { Obligation } from '../../rules';
import { run, find } from './helpers';

// National regimes of the first catalog whose facts were checked against the law's own text (or a verbatim
// reproduction of it). awarenessAt is 2026-03-06T09:00Z (18:00 in Tokyo) and the risk 'high_risk' unless a test
// says otherwise.

const confirmed = (o: Obligation, re: RegExp): boolean =>
  o.sources?.some((s) => s.confirmed && re.test(s.fact)) ?? false;
const unconfirmed = (o: Obligation, re: RegExp): boolean => (o.unconfirmedFacts ?? []).some((f) => re.test(f));

describe('Japan PPC Rules Arts. 7-8 (checked against the text)', () => {
  it('Rules Art. 8(2): final report within 30 days of the day of knowing, confirmed', () => {
    // Day of knowing 2026-03-06 (Tokyo); 30 days later is 2026-04-05, ending 23:59:59.999 JST = 14:59:59.999Z.
    const o = find(run({ affected: { JP: 1001 }, dataElements: ['name', 'email'] }), 'jp-appi:regulator:ppc-final');
    expect(o.required).toBe(true);
    expect(o.dueAt).toBe('2026-04-05T14:59:59.999Z');
    expect(confirmed(o, /Rules Art\. 8\(1\)-\(2\)/)).toBe(true);
    expect(unconfirmed(o, /Rules Art\. 8/)).toBe(false);
  });

  it('Rules Art. 7(iv): more than 1,000 principals, not 1,000, confirmed', () => {
    const at = (n: number) =>
      find(run({ affected: { JP: n }, dataElements: ['name', 'email'] }), 'jp-appi:regulator:ppc-preliminary');
    expect(at(1000).required).toBe(false);
    expect(at(1001).required).toBe(true);
    expect(confirmed(at(1001), /more than 1,000 principals.*Rules Art\. 7\(i\)-\(iv\)/)).toBe(true);
  });

  it('APPI Art. 26(2): the notice to principals stays unconfirmed', () => {
    const o = find(run({ affected: { JP: 3 }, dataElements: ['name', 'health'] }), 'jp-appi:individuals:individuals');
    expect(unconfirmed(o, /Art\. 26\(2\)/)).toBe(true);
  });
});

describe('Singapore PDPA s. 26D(5)-(6) (checked against the text)', () => {
  it('PDPA s. 26D(5)-(6): the exceptions and the law-enforcement bar are confirmed', () => {
    const o = find(run({ affected: { SG: 600 } }), 'sg-pdpa:individuals:individuals');
    expect(confirmed(o, /s\. 26D\(5\)-\(6\)/)).toBe(true);
    // The 500-person threshold and 3 days rest on the PDPC's guidance page, not the regulations' text.
    expect(o.unconfirmedFacts ?? []).toEqual([expect.stringMatching(/3 calendar days.*500 or more/)]);
  });
});

describe('Australia Privacy Act ss. 26WK, 26WL (checked against the text)', () => {
  it('s. 26WK(2): statement to the Commissioner as soon as practicable, confirmed against the section', () => {
    const o = find(run({ affected: { AU: 5 } }), 'au-ndb:regulator:oaic');
    expect(o.dueAt).toBeNull();
    expect(o.sources?.some((s) => s.confirmed && /26WK\(1\)-\(2\)/.test(s.fact) && /26WK/.test(s.url ?? ''))).toBe(
      true,
    );
  });

  it('s. 26WL(3): individuals as soon as practicable after the statement, confirmed against the section', () => {
    const o = find(run({ affected: { AU: 5 } }), 'au-ndb:individuals:individuals');
    expect(o.sources?.some((s) => s.confirmed && /26WL\(2\)-\(3\)/.test(s.fact) && /s26wl/.test(s.url ?? ''))).toBe(
      true,
    );
  });
});

describe('South Korea PIPA Art. 34 (the Act checked; the Decree not)', () => {
  it('PIPA Art. 34(1), (3): notice and report without delay are confirmed; the Decree’s 72 hours and 1,000 are not', () => {
    const o = find(run({ affected: { KR: 1000 } }), 'kr-pipa:regulator:pipc');
    expect(confirmed(o, /Act Art\. 34\(1\), \(3\)/)).toBe(true);
    expect(unconfirmed(o, /72 hours.*1,000/)).toBe(true);
  });
});

describe('PIPEDA s. 10.1(2), (6) (checked against the text)', () => {
  it('PIPEDA s. 10.1(2), (6): report and notice as soon as feasible after the organization determines the breach occurred, a determination clock', () => {
    // Aware 2026-03-06T09:00Z, determination recorded 2026-03-08T00:00Z: the clock starts at the determination.
    const list = run({ affected: { CA: 5 }, determinations: { notifiableAt: '2026-03-08T00:00:00Z' } });
    for (const id of ['ca-pipeda:regulator:opc', 'ca-pipeda:individuals:individuals']) {
      const o = find(list, id);
      expect(o.dueAt).toBeNull();
      expect(o.clockStartedAt).toBe('2026-03-08T00:00:00.000Z');
      expect(confirmed(o, /s\. 10\.1\(2\), \(6\)/)).toBe(true);
    }
  });

  it('PIPEDA s. 10.1: without a recorded determination the clock runs from awareness', () => {
    const o = find(run({ affected: { CA: 5 } }), 'ca-pipeda:regulator:opc');
    expect(o.clockStartedAt).toBe('2026-03-06T09:00:00.000Z');
  });
});
