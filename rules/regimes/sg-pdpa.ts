import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, inForce } from '../obligation';
import { LAW_ENFORCEMENT } from '../deadline';

// Singapore PDPA Part 6A (ss. 26A-26E) and the Personal Data Protection (Notification of Data Breaches) Regulations 2021.

const URL = 'https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A-';
const PDPC_URL =
  'https://www.pdpc.gov.sg/overview-of-pdpa/data-protection/business-owner/data-breach-notification-obligation';
const ZONE = 'Asia/Singapore';

export const SG_PDPA: RegimeInfo = {
  id: 'sg-pdpa',
  name: 'Singapore PDPA data breach notification',
  citation: 'Personal Data Protection Act 2012, ss. 26B-26D',
  sourceUrl: URL,
  commencement: '2021-02-01',
};

export function evaluatePdpa(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'SG');
  if (people === 0 || !inForce(f, SG_PDPA, ZONE)) return [];
  const harm = f.riskLevel === 'high_risk';
  const scale = people >= 500;
  const notifiable = harm || scale;
  const protectedByTech = f.encrypted && !f.keyCompromised;
  const scope = `${people} affected people in Singapore.`;
  const test = notifiable
    ? `Notifiable (s. 26B): ${[harm ? 'likely significant harm' : '', scale ? 'significant scale (500 or more people)' : ''].filter(Boolean).join(' and ')}.`
    : 'Not notifiable (s. 26B): fewer than 500 people and significant harm not likely.';
  const sources = [
    {
      fact: 'Commission within 3 calendar days of assessing the breach notifiable; notifiable at significant harm or 500 or more people (ss. 26B, 26D)',
      url: PDPC_URL,
      // The PDPC's guidance page, not the Act or the 2021 Notification of Data Breaches Regulations.
      confirmed: false,
    },
    {
      fact: 'individuals need not be notified where remedial action or technological protection makes significant harm unlikely, and must not be while a law enforcement agency or the Commission so instructs (s. 26D(5)-(6))',
      url: 'https://laws.sg/legislation/act-2012-pdpa/section-26d',
      confirmed: true,
    },
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: SG_PDPA,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The organisation for which we process',
        required: true,
        deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: ZONE, text: 'without undue delay' },
        basis: 'PDPA s. 26C(3)(a)',
        why: [
          scope,
          'A data intermediary notifies the organisation without undue delay of any data breach it has reason to believe occurred (s. 26C(3)(a)).',
        ],
        content: ['nature', 'occurred_at', 'discovered_at', 'categories_of_data', 'approximate_people'],
        hold: null,
        sources,
      }),
    ];
  }
  const individualsRequired = harm && !protectedByTech;
  return [
    buildObligation(f, {
      regime: SG_PDPA,
      audience: 'regulator',
      recipientKey: 'pdpc',
      recipient: 'Personal Data Protection Commission',
      required: notifiable,
      deadline: {
        period: { unit: 'days', n: 3 },
        from: { kind: 'notifiable' },
        zone: ZONE,
        text: 'as soon as practicable, within 3 calendar days of assessing the breach notifiable',
      },
      basis: 'PDPA s. 26D(1)',
      why: [
        scope,
        test,
        'The assessment itself must be made reasonably and expeditiously (PDPC guidance: within 30 days of first suspicion).',
      ],
      content: [
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'approximate_people',
        'likely_consequences',
        'measures_taken',
        'measures_proposed',
        'contact_point',
        'delay_reason',
      ],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: SG_PDPA,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: individualsRequired,
      deadline: {
        period: { unit: 'none' },
        from: { kind: 'notifiable' },
        zone: ZONE,
        text: 'as soon as practicable, on or after notifying the Commission',
      },
      basis: 'PDPA s. 26D(2)',
      why: [
        scope,
        harm
          ? protectedByTech
            ? 'Significant harm, but the data was encrypted and the key was not compromised: technological protection makes harm unlikely (s. 26D(5)(b)).'
            : 'Likely significant harm to the individuals: notify them.'
          : 'Individuals are notified only when significant harm is likely; scale alone does not require it.',
      ],
      content: [
        'nature',
        'occurred_at',
        'categories_of_data',
        'likely_consequences',
        'steps_for_individuals',
        'contact_point',
      ],
      hold: {
        sources: LAW_ENFORCEMENT,
        note: 'PDPA s. 26D(6) bars notifying individuals while a prescribed law enforcement agency instructs not to',
      },
      sources,
    }),
  ];
}
