import { describe, expect, it } from 'vitest';
import { obligations, REGIMES } from '../../rules';
import { everyRegimeFacts, EXCLUSIVE_BY_DATE } from '../../rules/probe';
import { unconfirmedCatalogFacts } from '../../rules/unconfirmed';

describe('the list of unconfirmed catalog facts (npm run rules:unconfirmed)', () => {
  it('the probe incident touches every regime that can apply beside the others', () => {
    const touched = new Set(obligations(everyRegimeFacts()).map((o) => o.regime));
    expect(REGIMES.filter((r) => !touched.has(r.id) && !EXCLUSIVE_BY_DATE.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('holds exactly the facts the obligations name as unconfirmed, as controller and as processor', () => {
    const facts = everyRegimeFacts();
    const named = new Set<string>();
    for (const o of [...obligations(facts), ...obligations({ ...facts, role: 'processor' })])
      for (const f of o.unconfirmedFacts ?? []) named.add(`${o.regime}|${f}`);
    const listed = new Set<string>();
    for (const [regime, list] of unconfirmedCatalogFacts()) for (const f of list) listed.add(`${regime}|${f.fact}`);
    expect([...listed].sort()).toEqual([...named].sort());
  });

  it('names a known gap: Singapore’s 500-person threshold rests on the PDPC page, not the regulations', () => {
    const sg = unconfirmedCatalogFacts().get('sg-pdpa') ?? [];
    expect(sg.some((f) => /500/.test(f.fact))).toBe(true);
  });
});
