// The workflow never imports the rules: it asks this activity, which records
// the answer in history, so replays see the same obligations even after the
// catalog changes.
import { createHash } from 'node:crypto';
import { CATALOG_VERSION, factsSchema, obligations } from '../rules';
import type { Db } from '../store/connection';
import { getOrgProfile } from '../store/org-profile';
import type { Hold, Role, RiskLevel, RuleObligation } from '../workflows/types';

export interface ObligationFactsInput {
  incidentId: string;
  awarenessAt: string;
  discoveredAt: string;
  /** Absent from requests of runs that predate recorded determinations: clocks then run from awarenessAt. */
  determinations?: { notifiableAt?: string; materialityAt?: string };
  role: Role;
  dataElements: string[];
  encrypted: boolean;
  keyCompromised: boolean;
  affected: Record<string, number>;
  riskLevel: RiskLevel;
  sectors: string[];
  hold: Hold | null;
  noticesSent: { regime: string; audience: string; at: string }[];
  /**
   * v2: the digest of each obligation as the workflow last received it. Obligations whose digest is
   * unchanged come back as `{ id, unchanged: true }`, so a recompute that changes a few of a 50-state
   * incident's obligations records a few, not all of them, in history.
   */
  knownDigests?: Record<string, string>;
}

/** An obligation the workflow already has exactly as the rules give it now. */
export interface UnchangedObligation {
  id: string;
  unchanged: true;
}

export interface ComputedObligations {
  obligations: RuleObligation[];
  catalogVersion: string;
}

export interface ComputedObligationsDelta {
  /** In the rules' order; unchanged ones by id only. */
  obligations: (RuleObligation | UnchangedObligation)[];
  /** Digests of the obligations sent in full, for the next call's knownDigests. */
  digests: Record<string, string>;
  catalogVersion: string;
}

export function obligationDigest(o: RuleObligation): string {
  return createHash('sha256').update(JSON.stringify(o)).digest('base64url').slice(0, 16);
}

export const createComputeObligations =
  (db: Db) =>
  async (input: ObligationFactsInput): Promise<ComputedObligations> => {
    const org = await getOrgProfile(db);
    const facts = factsSchema.parse({
      awarenessAt: input.awarenessAt,
      discoveredAt: input.discoveredAt,
      determinations: input.determinations ?? {},
      role: input.role,
      dataElements: input.dataElements,
      encrypted: input.encrypted,
      keyCompromised: input.keyCompromised,
      affected: input.affected,
      riskLevel: input.riskLevel,
      sectors: [...new Set([...input.sectors, ...org.sectors])],
      lawEnforcementHold: input.hold
        ? {
            requestedAt: input.hold.placedAt,
            releasedAt: input.hold.releasedAt,
            source: input.hold.source,
            form: input.hold.form,
          }
        : null,
      noticesSent: input.noticesSent,
      establishments: { main: org.mainEstablishment, others: org.otherEstablishments },
    });
    const result = obligations(facts).map((o): RuleObligation => ({
      id: o.id,
      regime: o.regime,
      audience: o.audience,
      recipient: o.recipient,
      required: o.required,
      dueAt: o.dueAt,
      deadline: o.deadline,
      basis: o.basis,
      why: o.why,
      content: o.content,
      holdMayDelay: o.holdMayDelay,
      // The engine's optional fields travel only when set, keeping the recorded result small.
      ...(o.dueNow ? { dueNow: true } : {}),
      ...(o.clockStartedAt ? { clockStartedAt: o.clockStartedAt } : {}),
      ...(o.remindAt ? { remindAt: o.remindAt } : {}),
      ...(o.escalateAt ? { escalateAt: o.escalateAt } : {}),
      ...(o.metAt ? { metAt: o.metAt } : {}),
      ...(o.unconfirmedFacts?.length ? { unconfirmedFacts: o.unconfirmedFacts } : {}),
      ...(o.heldNow ? { heldNow: true as const } : {}),
      ...(o.heldUntil ? { heldUntil: o.heldUntil } : {}),
      ...(o.order ? { order: o.order } : {}),
      ...(o.contentProhibited?.length ? { contentProhibited: o.contentProhibited } : {}),
      ...(o.creditMonitoringMonths ? { creditMonitoringMonths: o.creditMonitoringMonths } : {}),
      ...(o.channels ? { channels: o.channels } : {}),
    }));
    return { obligations: result, catalogVersion: CATALOG_VERSION };
  };

/** v2's recompute: the same answer, with the obligations the workflow already has sent by id only. */
export const createComputeObligationsDelta = (db: Db) => {
  const compute = createComputeObligations(db);
  return async (input: ObligationFactsInput): Promise<ComputedObligationsDelta> => {
    const { knownDigests = {}, ...facts } = input;
    const full = await compute(facts);
    const digests: Record<string, string> = {};
    const out = full.obligations.map((o): RuleObligation | UnchangedObligation => {
      const digest = obligationDigest(o);
      if (knownDigests[o.id] === digest) return { id: o.id, unchanged: true };
      digests[o.id] = digest;
      return o;
    });
    return { obligations: out, digests, catalogVersion: full.catalogVersion };
  };
};
