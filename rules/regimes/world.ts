import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import type { Audience } from '../vocabulary';
import { buildObligation, inForce, localAwarenessDate, safeHarbour } from '../obligation';
import { LAW_ENFORCEMENT, type HoldRule, type Period } from '../deadline';
import { WORLD_LAWS, type WorldLaw, type Trigger, type Notice } from './world-data';

// One small evaluator over the table of national laws in world-data.ts (issue 13's "wider world"): who is told,
// on which trigger, by which clock. Risk mappings are Breachline's and are written into each why:
// 'risk' is a risk to rights (or harm, or the law's lower bar), 'high_risk' the law's significant, serious or
// high harm; 'any' notifies every breach whatever the risk.

export function worldRegimeInfo(law: WorldLaw): RegimeInfo {
  return {
    id: law.id,
    name: law.name,
    citation: law.citation,
    sourceUrl: law.url,
    commencement: law.commencement,
  };
}

function triggered(t: Trigger, f: Facts, people: number): { met: boolean; why: string } {
  switch (t.kind) {
    case 'any':
      return { met: true, why: 'Every breach is notified, whatever the risk.' };
    case 'risk':
      return f.riskLevel !== 'none'
        ? { met: true, why: `Risk assessed as '${f.riskLevel}': taken as ${t.test}.` }
        : { met: false, why: `Risk assessed as 'none': taken as not ${t.test}, so no notice.` };
    case 'high_risk':
      return f.riskLevel === 'high_risk'
        ? { met: true, why: `Risk assessed as 'high_risk': taken as ${t.test}.` }
        : { met: false, why: `Risk assessed as '${f.riskLevel}', not high: taken as not ${t.test}, so no notice.` };
    case 'harmOrScale':
      if (f.riskLevel === 'high_risk') return { met: true, why: `Risk assessed as 'high_risk': taken as ${t.test}.` };
      return people >= t.min
        ? { met: true, why: `${people} people: significant scale (${t.scale}).` }
        : {
            met: false,
            why: `Risk assessed as '${f.riskLevel}', not ${t.test}, and ${people} people is below the scale threshold (${t.scale}).`,
          };
    case 'onRequest':
      return { met: false, why: t.why };
  }
}

function notice(
  law: WorldLaw,
  info: RegimeInfo,
  f: Facts,
  audience: Audience,
  n: Notice,
  people: number,
  scope: string,
  sources: Source[],
): Obligation {
  const t = triggered(n.when, f, people);
  const harbour = n.encryptionExempts && safeHarbour(f);
  const why = [scope, t.why];
  if (t.met && harbour) why.push('The data was encrypted and the key was not compromised: no notice needed.');
  if (n.note) why.push(n.note);
  const hold: HoldRule | null = n.lawEnforcementDelay
    ? { sources: LAW_ENFORCEMENT, note: `${n.basis} lets ${n.lawEnforcementDelay}` }
    : null;
  return buildObligation(f, {
    regime: info,
    audience,
    recipientKey: n.key,
    recipient: n.recipient,
    required: t.met && !harbour,
    deadline: { period: n.period, from: { kind: n.from }, zone: law.zone, text: n.text },
    basis: n.basis,
    why,
    content: n.content,
    hold,
    sources,
  });
}

const NONE: Period = { unit: 'none' };

export function evaluateWorld(law: WorldLaw, f: Facts): Obligation[] {
  // Residence keys are exact codes, so a direct look-up replaces a scan of every affected jurisdiction.
  let people = 0;
  for (const c of law.residence) people += f.affected[c] ?? 0;
  if (people === 0) return [];
  const info = worldRegimeInfo(law);
  const day = localAwarenessDate(f, law.zone);
  if (law.until && day >= law.until) return [];
  const scope = `${people} affected people in ${law.place}.`;
  const sources: Source[] = law.sources.map((s) => ({ ...s, url: s.url ?? law.url }));
  // A law without a statutory duty (or not yet in force, where the catalog says so) is reported as considered and
  // not required, so the incident room shows that the country was looked at.
  const noDuty = law.noDuty ?? (inForce(f, info, law.zone) ? null : law.beforeCommencement);
  if (noDuty) {
    return [
      buildObligation(f, {
        regime: info,
        audience: 'regulator',
        recipientKey: law.noDutyKey ?? 'authority',
        recipient: law.noDutyRecipient ?? law.authority ?? 'Data protection authority',
        required: false,
        deadline: { period: NONE, from: { kind: 'awareness' }, zone: law.zone, text: 'no statutory deadline' },
        basis: law.citation,
        why: [scope, noDuty],
        content: [],
        hold: null,
        sources,
      }),
    ];
  }
  if (!inForce(f, info, law.zone)) return [];
  if (f.role === 'processor') {
    const p = law.processor ?? {
      period: NONE,
      text: 'without undue delay',
      basis: law.citation,
      note: 'The law sets no express deadline for a processor; Breachline asks for notice to the controller without undue delay so that it can meet its own.',
    };
    return [
      buildObligation(f, {
        regime: info,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The controller on whose behalf we process the data',
        required: !p.noDuty,
        deadline: { period: p.period, from: { kind: 'awareness' }, zone: law.zone, text: p.text },
        basis: p.basis,
        why: [scope, p.note],
        content: ['nature', 'categories_of_data', 'approximate_people', 'occurred_at', 'discovered_at'],
        hold: null,
        sources: law.processor
          ? sources
          : [...sources, { fact: 'processor duty to tell the controller (inferred)', url: law.url, confirmed: false }],
      }),
    ];
  }
  const out: Obligation[] = [];
  if (law.regulator) out.push(notice(law, info, f, 'regulator', law.regulator, people, scope, sources));
  if (law.individuals) out.push(notice(law, info, f, 'individuals', law.individuals, people, scope, sources));
  return out;
}

export const WORLD_EVALUATORS: readonly { info: RegimeInfo; evaluate: (f: Facts) => Obligation[] }[] = WORLD_LAWS.map(
  (law) => ({ info: worldRegimeInfo(law), evaluate: (f: Facts) => evaluateWorld(law, f) }),
);
