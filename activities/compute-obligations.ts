// The workflow never imports the rules: it asks this activity, which records
// the answer in history, so replays see the same obligations even after the
// catalog changes.
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
}

export const createComputeObligations =
  (db: Db) =>
  async (input: ObligationFactsInput): Promise<{ obligations: RuleObligation[]; catalogVersion: string }> => {
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
    }));
    return { obligations: result, catalogVersion: CATALOG_VERSION };
  };
