import { factsSchema, obligations, type FactsInput, type Obligation } from '../../rules';

export const BASE: FactsInput = {
  awarenessAt: '2026-03-06T09:00:00Z',
  role: 'controller',
  dataElements: ['name', 'email', 'national_id'],
  encrypted: false,
  keyCompromised: false,
  affected: {},
  riskLevel: 'high_risk',
};

/** Facts are parsed at run time, so table rows may be loosely typed. */
export function run(over: object): Obligation[] {
  return obligations(factsSchema.parse({ ...BASE, ...over }));
}

export function find(list: Obligation[], id: string): Obligation {
  const o = list.find((x) => x.id === id);
  if (!o) throw new Error(`no obligation ${id} in ${list.map((x) => x.id).join(', ')}`);
  return o;
}

export const ids = (list: Obligation[]): string[] => list.map((o) => o.id);
