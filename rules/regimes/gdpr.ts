import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { EEA_STATES } from '../vocabulary';
import { buildObligation, count, safeHarbour, inForce } from '../obligation';
import { LAW_ENFORCEMENT, type HoldRule } from '../deadline';

// GDPR Art. 33, 33(2) and 34, for the EU/EEA (eu-gdpr) and, with the same text
// retained in UK law, the UK GDPR (uk-gdpr).

const GDPR_URL = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const UK_URL = 'https://www.legislation.gov.uk/eur/2016/679/article/33';

export const EU_GDPR: RegimeInfo = {
  id: 'eu-gdpr',
  name: 'EU General Data Protection Regulation (and the EEA)',
  citation: 'Regulation (EU) 2016/679, Arts. 33, 34, 56',
  sourceUrl: GDPR_URL,
  commencement: '2018-05-25',
};
export const UK_GDPR: RegimeInfo = {
  id: 'uk-gdpr',
  name: 'UK GDPR and Data Protection Act 2018',
  citation: 'UK GDPR Arts. 33, 34',
  sourceUrl: UK_URL,
  commencement: '2021-01-01',
};

/** Supervisory authorities of the EEA, by country. */
export const EEA_AUTHORITIES: Readonly<Record<string, string>> = {
  AT: 'Datenschutzbehörde (Austria)',
  BE: 'Autorité de protection des données / Gegevensbeschermingsautoriteit (Belgium)',
  BG: 'Commission for Personal Data Protection (Bulgaria)',
  HR: 'Agencija za zaštitu osobnih podataka (Croatia)',
  CY: 'Commissioner for Personal Data Protection (Cyprus)',
  CZ: 'Úřad pro ochranu osobních údajů (Czechia)',
  DK: 'Datatilsynet (Denmark)',
  EE: 'Andmekaitse Inspektsioon (Estonia)',
  FI: 'Office of the Data Protection Ombudsman (Finland)',
  FR: 'Commission nationale de l’informatique et des libertés, CNIL (France)',
  DE: 'Competent data protection authority of the Land, or the BfDI (Germany)',
  GR: 'Hellenic Data Protection Authority (Greece)',
  HU: 'Nemzeti Adatvédelmi és Információszabadság Hatóság, NAIH (Hungary)',
  IE: 'Data Protection Commission (Ireland)',
  IT: 'Garante per la protezione dei dati personali (Italy)',
  LV: 'Datu valsts inspekcija (Latvia)',
  LT: 'Valstybinė duomenų apsaugos inspekcija (Lithuania)',
  LU: 'Commission nationale pour la protection des données (Luxembourg)',
  MT: 'Information and Data Protection Commissioner (Malta)',
  NL: 'Autoriteit Persoonsgegevens (Netherlands)',
  PL: 'Urząd Ochrony Danych Osobowych, UODO (Poland)',
  PT: 'Comissão Nacional de Proteção de Dados (Portugal)',
  RO: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (Romania)',
  SK: 'Úrad na ochranu osobných údajov (Slovakia)',
  SI: 'Informacijski pooblaščenec (Slovenia)',
  ES: 'Agencia Española de Protección de Datos (Spain)',
  SE: 'Integritetsskyddsmyndigheten, IMY (Sweden)',
  IS: 'Persónuvernd (Iceland)',
  LI: 'Datenschutzstelle (Liechtenstein)',
  NO: 'Datatilsynet (Norway)',
};

const ART33_CONTENT = [
  'nature',
  'categories_of_people',
  'approximate_people',
  'categories_of_data',
  'approximate_records',
  'dpo_contact',
  'likely_consequences',
  'measures_taken',
  'measures_proposed',
  'delay_reason',
];
const ART34_CONTENT = [
  'nature',
  'dpo_contact',
  'likely_consequences',
  'measures_taken',
  'measures_proposed',
  'steps_for_individuals',
];
const ART33_2_CONTENT = [
  'nature',
  'categories_of_people',
  'approximate_people',
  'categories_of_data',
  'approximate_records',
  'likely_consequences',
  'measures_taken',
  'discovered_at',
];

/** Recital 88: notice rules should take into account the legitimate interests of law-enforcement authorities. */
const RECITAL_88: HoldRule = {
  sources: LAW_ENFORCEMENT,
  note: 'GDPR Recital 88 lets the legitimate interests of law-enforcement authorities justify delaying communication to data subjects where early disclosure could hamper an investigation; it does not extend to the company acting alone',
};

type Variant = {
  info: RegimeInfo;
  url: string;
  article: (n: string) => string;
  inScope: (code: string) => boolean;
  authority: (code: string) => string;
  authorityKey: (code: string) => string;
  /** Countries whose authority is competent, given the facts. */
  authorities: (f: Facts) => { codes: string[]; why: string };
};

const eu: Variant = {
  info: EU_GDPR,
  url: GDPR_URL,
  article: (n) => `GDPR Art. ${n}`,
  inScope: (code) => EEA_STATES.includes(code),
  authority: (code) => EEA_AUTHORITIES[code] ?? `Supervisory authority of ${code}`,
  authorityKey: (code) => code.toLowerCase(),
  authorities: (f) => {
    const main = f.establishments.main;
    if (main && EEA_STATES.includes(main)) {
      return {
        codes: [main],
        why: `Main establishment in ${main}: its authority is the lead supervisory authority (Art. 56(1)), the one-stop shop for cross-border processing.`,
      };
    }
    const codes = new Set<string>();
    for (const [code, n] of Object.entries(f.affected)) if (n > 0 && EEA_STATES.includes(code)) codes.add(code);
    for (const code of f.establishments.others) if (EEA_STATES.includes(code)) codes.add(code);
    return {
      codes: [...codes].sort(),
      why: 'No main establishment in the EEA, so there is no lead authority: each supervisory authority concerned (where affected people live or the controller is established) is notified.',
    };
  },
};

const uk: Variant = {
  info: UK_GDPR,
  url: UK_URL,
  article: (n) => `UK GDPR Art. ${n}`,
  inScope: (code) => code === 'GB',
  authority: () => "Information Commissioner's Office (United Kingdom)",
  authorityKey: () => 'ico',
  authorities: () => ({ codes: ['GB'], why: 'The Information Commissioner is the UK supervisory authority.' }),
};

function evaluateGdpr(v: Variant, f: Facts): Obligation[] {
  const people = count(f, v.inScope);
  const established = [f.establishments.main, ...f.establishments.others].some((c) => c !== null && v.inScope(c));
  if (people === 0 && !established) return [];
  if (!inForce(f, v.info, 'UTC')) return [];
  const scope =
    people > 0
      ? `${people} affected people in scope`
      : 'an establishment in scope (Art. 3(1)) and no affected residents listed';
  const a = v.article;

  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: v.info,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The controller(s) on whose behalf the data is processed',
        required: true,
        deadline: {
          period: { unit: 'none' },
          from: { kind: 'awareness' },
          zone: 'UTC',
          text: 'without undue delay after becoming aware',
        },
        basis: a('33(2)'),
        why: [
          `${scope}. We act as processor: ${a('33(2)')} obliges us to notify the controller without undue delay of every personal data breach, whatever the risk; notifying the supervisory authority and the data subjects (Arts. 33(1), 34) is the controller's duty.`,
          'EDPB guidance expects the notice at once, with further information in phases.',
        ],
        content: ART33_2_CONTENT,
        hold: null,
        sources: [
          { fact: 'processor notifies controller without undue delay (Art. 33(2))', url: v.url, confirmed: true },
        ],
      }),
    ];
  }

  const out: Obligation[] = [];
  const { codes, why: authorityWhy } = v.authorities(f);
  // GDPR Art. 95: a provider of publicly available electronic communications services notifies its breaches under
  // the ePrivacy Directive and Regulation 611/2013 (eu-eprivacy), not under Arts. 33-34.
  const eprivacy = v === eu && f.sectors.includes('telecom-provider');
  const eprivacyWhy =
    'We are a provider of publicly available electronic communications services (telecom-provider): GDPR Art. 95 leaves the breach to Directive 2002/58/EC Art. 4 and Regulation 611/2013, so it is notified under eu-eprivacy instead (24 hours to the authority) and this obligation is superseded.';
  const regulatorRequired = f.riskLevel !== 'none' && !eprivacy;
  for (const code of codes) {
    out.push(
      buildObligation(f, {
        regime: v.info,
        audience: 'regulator',
        recipientKey: v.authorityKey(code),
        recipient: v.authority(code),
        required: regulatorRequired,
        deadline: {
          period: { unit: 'hours', n: 72 },
          from: { kind: 'awareness' },
          zone: 'UTC',
          text: '72 hours from awareness',
        },
        basis: a('33(1)'),
        why: [
          `${scope}.`,
          authorityWhy,
          eprivacy
            ? eprivacyWhy
            : regulatorRequired
              ? `Risk assessed as '${f.riskLevel}': notify without undue delay and where feasible within 72 hours of becoming aware; a later notification must give the reasons for the delay. Information may be provided in phases (Art. 33(4)).`
              : "Risk assessed as 'none': the breach is unlikely to result in a risk to rights and freedoms, so no notification is required; document the breach and the reasoning (Art. 33(5)).",
        ],
        content: ART33_CONTENT,
        hold: null,
        sources: [
          {
            fact: '72 hours from awareness; not when unlikely to result in a risk (Art. 33(1))',
            url: v.url,
            confirmed: true,
          },
          ...(code === f.establishments.main
            ? [
                {
                  fact: 'lead supervisory authority of the main establishment (Art. 56(1))',
                  url: v.url,
                  confirmed: true,
                },
              ]
            : []),
        ],
      }),
    );
  }

  const highRisk = f.riskLevel === 'high_risk';
  const exempt = highRisk && safeHarbour(f);
  const individualsWhy: string[] = [];
  if (!highRisk)
    individualsWhy.push(
      `Risk assessed as '${f.riskLevel}', not high: ${a('34(1)')} requires communication to data subjects only when the breach is likely to result in a high risk.`,
    );
  else if (exempt)
    individualsWhy.push(
      `High risk, but the data was encrypted and the key was not compromised: ${a('34(3)(a)')} exempts communication where the data is unintelligible to any unauthorised person.`,
    );
  else {
    individualsWhy.push(
      `High risk to data subjects: communicate the breach in clear and plain language without undue delay (${a('34(1)-(2)')}).`,
    );
    if (f.encrypted && f.keyCompromised)
      individualsWhy.push(
        `The data was encrypted but the key was compromised, so the ${a('34(3)(a)')} exemption does not apply.`,
      );
    individualsWhy.push(
      `Where individual communication would involve disproportionate effort, a public communication of equal effect replaces it (${a('34(3)(c)')}).`,
    );
  }
  out.push(
    buildObligation(f, {
      regime: v.info,
      audience: 'individuals',
      recipientKey: 'data-subjects',
      recipient: 'Affected data subjects',
      required: highRisk && !exempt && !eprivacy,
      deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: 'UTC', text: 'without undue delay' },
      basis: a('34'),
      why: [`${scope}.`, ...(eprivacy ? [eprivacyWhy] : individualsWhy)],
      content: ART34_CONTENT,
      hold: RECITAL_88,
      sources: [
        {
          fact: 'communication to data subjects without undue delay when high risk (Art. 34(1)); exemptions (Art. 34(3))',
          url: v.url,
          confirmed: true,
        },
        { fact: 'law-enforcement interests may justify delay (Recital 88)', url: v.url, confirmed: true },
      ],
    }),
  );
  return out;
}

export const evaluateEuGdpr = (f: Facts): Obligation[] => evaluateGdpr(eu, f);
export const evaluateUkGdpr = (f: Facts): Obligation[] => evaluateGdpr(uk, f);
