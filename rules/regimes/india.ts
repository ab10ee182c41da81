import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, inForce } from '../obligation';

// India: the DPDP Act 2023 s. 8(6) with DPDP Rules 2025 r. 7, and CERT-In's direction of 28 April 2022.

const DPDP_URL = 'https://www.meity.gov.in/data-protection-framework';
const DPDP_NEWS =
  'https://www.ndtvprofit.com/business/govt-notifies-digital-personal-data-protection-rules-staggered-rollout-begins-data-protection-board-to-be-set-up';
const CERTIN_URL = 'https://www.cert-in.org.in/PDF/CERT-In_Directions_70B_28.04.2022.pdf';
const ZONE = 'Asia/Kolkata';

export const IN_DPDP: RegimeInfo = {
  id: 'in-dpdp',
  name: 'India Digital Personal Data Protection Act',
  citation: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7',
  sourceUrl: DPDP_URL,
  commencement: '2027-05-13',
};
export const IN_CERTIN: RegimeInfo = {
  id: 'in-certin',
  name: 'CERT-In cyber incident reporting direction',
  citation: 'CERT-In Directions under s. 70B(6) IT Act, 28 April 2022, direction (ii)',
  sourceUrl: CERTIN_URL,
  commencement: '2022-06-28',
};

const inIndia = (c: string): boolean => c === 'IN';

export function evaluateDpdp(f: Facts): Obligation[] {
  const people = count(f, inIndia);
  if (people === 0) return [];
  const scope = `${people} affected people in India.`;
  const sources = [
    {
      fact: 'Board and each affected Data Principal without delay; detailed report to the Board within 72 hours (r. 7)',
      url: DPDP_NEWS,
      confirmed: true,
    },
    {
      fact: 'rule 7 commences 18 months after the Rules were notified on 2025-11-13, taken as 2027-05-13',
      url: DPDP_NEWS,
      confirmed: false,
    },
  ];
  if (!inForce(f, IN_DPDP, ZONE)) {
    return [
      buildObligation(f, {
        regime: IN_DPDP,
        audience: 'regulator',
        recipientKey: 'dpb',
        recipient: 'Data Protection Board of India',
        required: false,
        deadline: {
          period: { unit: 'hours', n: 72 },
          from: { kind: 'awareness' },
          zone: ZONE,
          text: '72 hours from awareness (detailed report)',
        },
        basis: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7',
        why: [
          scope,
          `The breach intimation rules commence on ${IN_DPDP.commencement}; this incident's awareness (${f.awarenessAt}) is before that, so they do not apply (see in-certin).`,
        ],
        content: [],
        hold: null,
        sources,
      }),
    ];
  }
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: IN_DPDP,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The Data Fiduciary',
        required: true,
        deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: ZONE, text: 'without delay' },
        basis: 'DPDP Act 2023 s. 8(2), 8(6)',
        why: [
          scope,
          'The Data Fiduciary is responsible for breaches by its Data Processor (s. 8(1)); inform it at once so it can intimate the Board within 72 hours.',
        ],
        content: ['nature', 'categories_of_data', 'approximate_people', 'discovered_at'],
        hold: null,
        sources: [
          {
            fact: 'processor informs the fiduciary (contractual; no express deadline)',
            url: DPDP_URL,
            confirmed: false,
          },
        ],
      }),
    ];
  }
  return [
    buildObligation(f, {
      regime: IN_DPDP,
      audience: 'regulator',
      recipientKey: 'dpb',
      recipient: 'Data Protection Board of India',
      required: true,
      deadline: {
        period: { unit: 'hours', n: 72 },
        from: { kind: 'awareness' },
        zone: ZONE,
        text: '72 hours from awareness (detailed report; a first intimation without delay)',
      },
      basis: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7(2)',
      why: [
        scope,
        'Every personal data breach is intimated to the Board, whatever the risk: a description without delay, then within 72 hours the facts, circumstances, measures, findings on the cause and the notices sent.',
      ],
      content: [
        'nature',
        'occurred_at',
        'approximate_people',
        'likely_consequences',
        'root_cause',
        'measures_taken',
        'measures_proposed',
      ],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: IN_DPDP,
      audience: 'individuals',
      recipientKey: 'data-principals',
      recipient: 'Affected Data Principals',
      required: true,
      deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: ZONE, text: 'without delay' },
      basis: 'DPDP Act 2023 s. 8(6); DPDP Rules 2025 r. 7(1)',
      why: [scope, 'Each affected Data Principal is told, concisely and in plain language, whatever the risk.'],
      content: [
        'nature',
        'occurred_at',
        'likely_consequences',
        'measures_taken',
        'steps_for_individuals',
        'contact_point',
      ],
      hold: null,
      sources,
    }),
  ];
}

export function evaluateCertIn(f: Facts): Obligation[] {
  const people = count(f, inIndia);
  const established = [f.establishments.main, ...f.establishments.others].includes('IN');
  if ((people === 0 && !established) || !inForce(f, IN_CERTIN, ZONE)) return [];
  return [
    buildObligation(f, {
      regime: IN_CERTIN,
      audience: 'regulator',
      recipientKey: 'cert-in',
      recipient: 'Indian Computer Emergency Response Team (CERT-In)',
      required: true,
      deadline: {
        period: { unit: 'hours', n: 6 },
        from: { kind: 'discovery' },
        zone: ZONE,
        text: '6 hours from noticing the incident',
      },
      basis: 'CERT-In Directions of 28 April 2022, direction (ii)',
      why: [
        people > 0 ? `${people} affected people in India.` : 'An establishment in India.',
        'Data breaches and data leaks are among the incidents service providers, intermediaries, data centres, body corporates and government organisations must report within 6 hours of noticing them or being told of them.',
      ],
      content: ['entity_contacts', 'incident_type', 'occurred_at', 'discovered_at', 'nature', 'measures_taken'],
      hold: null,
      sources: [
        {
          fact: 'report within 6 hours of noticing; data breach and data leak listed (Annexure I); in force 60 days after issue',
          url: CERTIN_URL,
          confirmed: true,
        },
      ],
    }),
  ];
}
