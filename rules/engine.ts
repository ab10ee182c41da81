import type { Facts } from './facts';
import type { Obligation } from './types';
import { CATALOG } from './catalog';

/**
 * Everyone who must (or, with required: false and the reason, need not) be told, by when and why.
 * Pure and deterministic: time comes only from the facts, which must have been parsed by factsSchema.
 */
export function obligations(facts: Facts): Obligation[] {
  const out: Obligation[] = [];
  for (const regime of CATALOG) out.push(...regime.evaluate(facts));
  return out;
}
