import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { EU_MEMBER_STATES } from '../vocabulary';
import { buildObligation, inForce } from '../obligation';

// NIS2 Directive (EU) 2022/2555, Art. 23: early warning, incident notification, final report.

const URL = 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj';

export const EU_NIS2: RegimeInfo = {
  id: 'eu-nis2',
  name: 'NIS2 Directive incident reporting',
  citation: 'Directive (EU) 2022/2555, Art. 23(4)',
  sourceUrl: URL,
  commencement: '2024-10-18',
};

const EU: readonly string[] = EU_MEMBER_STATES;

export function memberStates(f: Facts): { codes: string[]; why: string } {
  const main = f.establishments.main;
  if (main && EU.includes(main))
    return {
      codes: [main],
      why: `The CSIRT or competent authority of ${main}, the member state of the main establishment, receives the reports.`,
    };
  const codes = new Set<string>(f.establishments.others.filter((c) => EU.includes(c)));
  if (codes.size === 0) for (const [c, n] of Object.entries(f.affected)) if (n > 0 && EU.includes(c)) codes.add(c);
  return {
    codes: [...codes].sort(),
    why: 'No main establishment in the EU: reports go to the CSIRT of each member state where the entity is established or, failing that, where its services are affected (the representative’s member state in practice).',
  };
}

export function evaluateNis2(f: Facts): Obligation[] {
  const sector = f.sectors.find((s) => s === 'nis2-essential' || s === 'nis2-important');
  if (!sector || !inForce(f, EU_NIS2, 'UTC')) return [];
  // A DORA financial entity reports its major ICT-related incidents under DORA Art. 19 (eu-dora); DORA is the
  // sector-specific act NIS2 Art. 4 gives way to, so no NIS2 report is made for the same incident.
  const dora = f.sectors.includes('dora-financial-entity');
  const significant = f.riskLevel !== 'none' && !dora;
  const { codes, why } = memberStates(f);
  const kind = sector === 'nis2-essential' ? 'essential' : 'important';
  const base = [
    `We are an ${kind} entity. ${why}`,
    dora
      ? 'We are a DORA financial entity (dora-financial-entity): the incident is reported under DORA Art. 19 (eu-dora), which NIS2 Art. 4 lets take the place of Art. 23 for the same incident, so no NIS2 report is made.'
      : significant
        ? `Risk assessed as '${f.riskLevel}': taken as a significant incident (Art. 23(3)).`
        : "Risk assessed as 'none': taken as not a significant incident (Art. 23(3)), so no report is required.",
  ];
  const sources: Source[] = [
    {
      fact: 'early warning 24 hours, notification 72 hours from awareness, final report one month after the notification (Art. 23(4))',
      url: URL,
      confirmed: true,
    },
    { fact: 'national transposition and the competent CSIRT per member state', url: URL, confirmed: false },
    ...(dora
      ? [
          {
            // NIS2 Art. 4(1) read in Springlex's reproduction of OJ L 333; DORA Art. 1(2) in a reproduction at
            // grca.planeth.de (the same words as the OJ text of Regulation (EU) 2022/2554).
            fact: "where a sector-specific Union act requires notifying significant incidents at least equivalently, NIS2's provisions do not apply to those entities (NIS2 Art. 4(1)); DORA is such an act for financial entities identified as essential or important entities (DORA Art. 1(2))",
            url: 'https://www.springlex.eu/en/packages/nis2/nis2-directive/article-4/',
            confirmed: true,
          },
        ]
      : []),
  ];
  const out: Obligation[] = [];
  for (const code of codes) {
    const cc = code.toLowerCase();
    const recipient = `CSIRT or competent authority (${code})`;
    out.push(
      buildObligation(f, {
        regime: EU_NIS2,
        audience: 'regulator',
        recipientKey: `${cc}-early-warning`,
        recipient,
        required: significant,
        deadline: {
          period: { unit: 'hours', n: 24 },
          from: { kind: 'awareness' },
          zone: 'UTC',
          text: '24 hours from awareness (early warning)',
        },
        basis: 'NIS2 Art. 23(4)(a)',
        why: [
          ...base,
          'Early warning: whether the incident is suspected to be unlawful or malicious and whether it could have a cross-border impact.',
        ],
        content: ['nature', 'cross_border_impact'],
        hold: null,
        sources,
      }),
      buildObligation(f, {
        regime: EU_NIS2,
        audience: 'regulator',
        recipientKey: `${cc}-notification`,
        recipient,
        required: significant,
        deadline: {
          period: { unit: 'hours', n: 72 },
          from: { kind: 'awareness' },
          zone: 'UTC',
          text: '72 hours from awareness (incident notification)',
        },
        basis: 'NIS2 Art. 23(4)(b)',
        why: [
          ...base,
          'Incident notification: update the early warning with an initial assessment, severity, impact and indicators of compromise.',
        ],
        content: ['nature', 'severity_and_impact', 'cross_border_impact', 'measures_taken'],
        hold: null,
        sources,
      }),
      buildObligation(f, {
        regime: EU_NIS2,
        audience: 'regulator',
        recipientKey: `${cc}-final-report`,
        recipient,
        required: significant,
        deadline: {
          period: { unit: 'months', n: 1 },
          from: {
            kind: 'notice',
            regime: 'eu-nis2',
            audience: 'regulator',
            id: `eu-nis2:regulator:${cc}-notification`,
            label: 'the incident notification',
          },
          zone: 'UTC',
          text: 'one month after the incident notification (final report)',
        },
        basis: 'NIS2 Art. 23(4)(d)',
        why: [
          ...base,
          `The final report's clock runs from the incident notification, recorded in noticesSent with id eu-nis2:regulator:${cc}-notification. An incident still ongoing then gets a progress report instead, and the final report within a month of handling it (Art. 23(4)(e)).`,
        ],
        content: ['nature', 'severity_and_impact', 'root_cause', 'measures_taken', 'cross_border_impact'],
        hold: null,
        sources,
      }),
    );
  }
  return out;
}
