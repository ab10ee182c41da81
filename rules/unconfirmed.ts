// What the catalog states without having checked it against the law's text, as the
// engine returns it for the probe incident (as controller and as processor), so
// the list is exactly what obligations would show as "check before relying on it".
import { obligations } from './engine';
import { everyRegimeFacts } from './probe';

export type UnconfirmedFact = { fact: string; url: string };

/** Regime id → its unconfirmed facts, in catalog order, each once. */
export function unconfirmedCatalogFacts(): Map<string, UnconfirmedFact[]> {
  const facts = everyRegimeFacts();
  const out = new Map<string, UnconfirmedFact[]>();
  const seen = new Set<string>();
  for (const o of [...obligations(facts), ...obligations({ ...facts, role: 'processor' })])
    for (const s of o.sources ?? []) {
      const key = `${o.regime}|${s.fact}|${s.url}`;
      if (s.confirmed || seen.has(key)) continue;
      seen.add(key);
      const list = out.get(o.regime) ?? [];
      list.push({ fact: s.fact, url: s.url });
      out.set(o.regime, list);
    }
  return out;
}
