import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, hasAny, inForce } from '../obligation';

// Brazil LGPD Art. 48 with ANPD Resolution CD/ANPD No. 15/2024 (incident reporting regulation).

const LAW_URL = 'https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2018/lei/l13709.htm';
const RES_URL =
  'https://www.gov.br/anpd/pt-br/assuntos/noticias/anpd-aprova-o-regulamento-de-comunicacao-de-incidente-de-seguranca';
const ZONE = 'America/Sao_Paulo';

export const BR_LGPD: RegimeInfo = {
  id: 'br-lgpd',
  name: 'Brazil LGPD security incident communication',
  citation: 'Lei 13.709/2018 Art. 48; Resolução CD/ANPD nº 15/2024 Arts. 5, 6, 9',
  sourceUrl: RES_URL,
  commencement: '2024-04-26',
};

/** Res. 15/2024 Art. 5: data whose involvement, with a significant effect on rights, makes the risk relevant. */
const QUALIFYING = [
  'health',
  'biometric',
  'genetic',
  'children',
  'financial_account',
  'payment_card',
  'account_credentials',
];
const DEADLINE = {
  period: { unit: 'businessDays', n: 3, calendar: 'br-national' } as const,
  from: { kind: 'awareness' } as const,
  zone: ZONE,
  text: 'three business days from awareness',
};

export function evaluateLgpd(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'BR');
  if (people === 0 || !inForce(f, BR_LGPD, ZONE)) return [];
  const qualifying = hasAny(f, QUALIFYING);
  const relevant = f.riskLevel === 'high_risk' || (f.riskLevel === 'risk' && qualifying);
  const test = relevant
    ? `Relevant risk or damage (Art. 48; Res. 15/2024 Art. 5): risk '${f.riskLevel}'${qualifying ? ' and sensitive, children’s, financial or authentication data involved' : ', taken as significantly affecting fundamental rights at large scale'}.`
    : f.riskLevel === 'none'
      ? "Risk assessed as 'none': no relevant risk or damage, so no communication; record the incident for five years (Res. 15/2024 Art. 10)."
      : "Risk 'risk' without sensitive, children’s, financial or authentication data: taken as not meeting Res. 15/2024 Art. 5; record the incident and reassess if the scale is large.";
  const scope = `${people} affected people in Brazil.`;
  const sources = [
    {
      fact: 'ANPD and data subjects within three business days of awareness (Res. 15/2024 Art. 6 and 9)',
      url: 'https://brentanironcolatto.adv.br/en/anpd-regulates-communication-on-security-incidents-involving-personal-data/',
      // A law firm's summary, not the resolution's text.
      confirmed: false,
    },
    {
      fact: 'criteria of relevant risk: significant effect plus sensitive, children/elderly, financial, authentication, secret or large-scale data (Res. 15/2024 Art. 5)',
      url: 'https://www.martinelli.adv.br/en/regulation-governing-the-reporting-of-security-incidents-by-anpd-national-data-protection-authority/',
      // A law firm's summary, not the resolution's text.
      confirmed: false,
    },
    {
      fact: 'business days counted on the national holiday calendar (Carnival and Corpus Christi treated as business days)',
      url: LAW_URL,
      confirmed: false,
    },
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: BR_LGPD,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The controller (controlador)',
        required: true,
        deadline: { ...DEADLINE, period: { unit: 'none' }, text: 'without undue delay' },
        basis: 'Lei 13.709/2018 Arts. 39, 48',
        why: [
          scope,
          'The operator processes on the controller’s instructions (Art. 39); the controller communicates the incident, so the operator informs it at once.',
        ],
        content: ['nature', 'categories_of_data', 'approximate_people', 'discovered_at', 'measures_taken'],
        hold: null,
        sources: [{ fact: 'operator informs controller (no express LGPD deadline)', url: LAW_URL, confirmed: false }],
      }),
    ];
  }
  const common = [
    scope,
    test,
    'Small processing agents have six business days (Res. 15/2024 Art. 6 §1), not modelled; further information may follow within 20 business days.',
  ];
  return [
    buildObligation(f, {
      regime: BR_LGPD,
      audience: 'regulator',
      recipientKey: 'anpd',
      recipient: 'Autoridade Nacional de Proteção de Dados (ANPD)',
      required: relevant,
      deadline: DEADLINE,
      basis: 'Lei 13.709/2018 Art. 48; Res. CD/ANPD 15/2024 Art. 6',
      why: common,
      content: [
        'entity_contacts',
        'dpo_contact',
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'approximate_people',
        'likely_consequences',
        'measures_taken',
        'measures_proposed',
        'delay_reason',
      ],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: BR_LGPD,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected data subjects (titulares)',
      required: relevant,
      deadline: DEADLINE,
      basis: 'Lei 13.709/2018 Art. 48; Res. CD/ANPD 15/2024 Art. 9',
      why: common,
      content: [
        'nature',
        'occurred_at',
        'categories_of_data',
        'likely_consequences',
        'measures_taken',
        'steps_for_individuals',
        'dpo_contact',
      ],
      hold: null,
      sources,
    }),
  ];
}
