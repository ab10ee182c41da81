import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { buildObligation, inForce } from '../obligation';
import type { DeadlineSpec } from '../deadline';
import { memberStates } from './eu-nis2';

// DORA, Regulation (EU) 2022/2554 Art. 19, with the time limits of Commission Delegated Regulation (EU) 2025/301
// Art. 5: major ICT-related incidents at financial entities. A DORA entity makes no NIS2 report (eu-nis2.ts).

const URL = 'https://eur-lex.europa.eu/eli/reg/2022/2554/oj';
const RTS_URL = 'https://eur-lex.europa.eu/eli/reg_del/2025/301/oj';
/** Art. 5 as read: Springlex's reproduction of OJ L, 2025/301 (English) and exlege.bg's (Bulgarian). */
const RTS_ART5_URL = 'https://www.springlex.eu/en/packages/dora/rts-ir-regulation/article-5';

export const EU_DORA: RegimeInfo = {
  id: 'eu-dora',
  name: 'DORA major ICT-related incident reporting',
  citation: 'Regulation (EU) 2022/2554 Art. 19(4); Delegated Regulation (EU) 2025/301 Art. 5',
  sourceUrl: URL,
  commencement: '2025-01-17',
};

export function evaluateDora(f: Facts): Obligation[] {
  if (!f.sectors.includes('dora-financial-entity') || !inForce(f, EU_DORA, 'UTC')) return [];
  const { codes, why } = memberStates(f);
  if (codes.length === 0) return [];
  const major = f.riskLevel !== 'none';
  const sources: Source[] = [
    {
      fact: 'initial notification as early as possible and within 4 hours of classifying the incident as major, no later than 24 hours from becoming aware of it; intermediate report at the latest within 72 hours of submitting the initial notification; final report no later than one month after the intermediate report or, where applicable, the latest updated one (RTS 2025/301 Art. 5(1)(a)-(c))',
      url: RTS_ART5_URL,
      confirmed: true,
    },
    {
      fact: "the RTS's relief for time limits ending on a weekend or bank holiday (by noon of the next working day, not for the largest entities), reported in the ESAs' final report JC 2024 33: not read in the text and not modelled, so the dates shown may be earlier than the law's",
      url: RTS_URL,
      confirmed: false,
    },
  ];
  const base = [
    `We are a DORA financial entity. ${why.replace('CSIRT or competent authority', 'competent authority')}`,
    major
      ? `Risk assessed as '${f.riskLevel}': taken as a major ICT-related incident (Art. 18 and Delegated Regulation 2024/1772 criteria); Breachline's mapping.`
      : "Risk assessed as 'none': taken as not a major ICT-related incident, so no report is required.",
  ];
  // The classification as major is the determination: notifiableAt when given, else awarenessAt. The initial
  // notification is due 4 hours after it, but never later than 24 hours after awareness.
  const classified = Date.parse(f.determinations.notifiableAt ?? f.awarenessAt);
  const fromClassification = classified + 4 * 3_600_000 <= Date.parse(f.awarenessAt) + 24 * 3_600_000;
  const initial: DeadlineSpec = fromClassification
    ? {
        period: { unit: 'hours', n: 4 },
        from: { kind: 'notifiable' },
        zone: 'UTC',
        text: 'within 4 hours of classifying the incident as major, and no later than 24 hours from awareness',
      }
    : {
        period: { unit: 'hours', n: 24 },
        from: { kind: 'awareness' },
        zone: 'UTC',
        text: 'no later than 24 hours from awareness (the classification came too late for its 4 hours to bind)',
      };
  const out: Obligation[] = [];
  for (const code of codes) {
    const cc = code.toLowerCase();
    const recipient = `Competent authority under DORA Art. 46 (${code})`;
    out.push(
      buildObligation(f, {
        regime: EU_DORA,
        audience: 'regulator',
        recipientKey: `${cc}-initial`,
        recipient,
        required: major,
        deadline: initial,
        basis: 'DORA Art. 19(4)(a); RTS 2025/301 Art. 5',
        why: [...base, 'Initial notification on the harmonised template.'],
        content: ['entity_contacts', 'nature', 'discovered_at', 'severity_and_impact', 'cross_border_impact'],
        hold: null,
        sources,
      }),
      buildObligation(f, {
        regime: EU_DORA,
        audience: 'regulator',
        recipientKey: `${cc}-intermediate`,
        recipient,
        required: major,
        deadline: {
          period: { unit: 'hours', n: 72 },
          from: {
            kind: 'notice',
            regime: 'eu-dora',
            audience: 'regulator',
            id: `eu-dora:regulator:${cc}-initial`,
            label: 'the initial notification',
          },
          zone: 'UTC',
          text: 'within 72 hours of the initial notification (intermediate report)',
        },
        basis: 'DORA Art. 19(4)(b); RTS 2025/301 Art. 5',
        why: [
          ...base,
          `The intermediate report's clock runs from the initial notification, recorded in noticesSent with id eu-dora:regulator:${cc}-initial.`,
        ],
        content: ['nature', 'severity_and_impact', 'measures_taken', 'incident_type'],
        hold: null,
        sources,
      }),
      buildObligation(f, {
        regime: EU_DORA,
        audience: 'regulator',
        recipientKey: `${cc}-final`,
        recipient,
        required: major,
        deadline: {
          period: { unit: 'months', n: 1 },
          from: {
            kind: 'notice',
            regime: 'eu-dora',
            audience: 'regulator',
            id: `eu-dora:regulator:${cc}-intermediate`,
            label: 'the intermediate report',
          },
          zone: 'UTC',
          text: 'within one month of the latest intermediate report (final report)',
        },
        basis: 'DORA Art. 19(4)(c); RTS 2025/301 Art. 5',
        why: [
          ...base,
          `The final report's clock runs from the intermediate report, recorded in noticesSent with id eu-dora:regulator:${cc}-intermediate (the latest one counts; Breachline takes the earliest recorded).`,
        ],
        content: ['nature', 'severity_and_impact', 'root_cause', 'measures_taken', 'cross_border_impact'],
        hold: null,
        sources,
      }),
    );
  }
  return out;
}
