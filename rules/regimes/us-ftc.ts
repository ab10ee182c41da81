import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { US_STATE_NAMES } from '../vocabulary';
import { buildObligation, count, hasAny, inForce, safeHarbour, unconfirmedFactsOf } from '../obligation';
import { keepKey, LAW_ENFORCEMENT, type DeadlineSpec, type HoldRule } from '../deadline';

// FTC rules outside HIPAA: the GLBA Safeguards Rule notice to the FTC (16 CFR 314.4(j), from 2024-05-13) and the
// Health Breach Notification Rule as amended in 2024 (16 CFR 318, amendments in force from 2024-07-29).

const ZONE = 'America/New_York';
const SAFEGUARDS_URL = 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-314';
const GLBA_FR = 'https://www.govinfo.gov/content/pkg/FR-2023-11-13/html/2023-24412.htm';
const HBNR_URL = 'https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-318';
const HBNR_2024 = 'https://www.federalregister.gov/documents/2024/05/30/2024-10855/health-breach-notification-rule';
const HBNR_DEFINITIONS_URL = 'https://checkoutapi.com/regulations/expand/title16_chapterI_part318_section318.9';

export const US_GLBA_FTC: RegimeInfo = {
  id: 'us-glba-ftc',
  name: 'FTC Safeguards Rule (GLBA) notification of a notification event',
  citation: '16 CFR 314.4(j), 314.2 (notification event)',
  sourceUrl: SAFEGUARDS_URL,
  commencement: '2024-05-13',
};

export const US_FTC_HBNR: RegimeInfo = {
  id: 'us-ftc-hbnr',
  name: 'FTC Health Breach Notification Rule (as amended in 2024)',
  citation: '16 CFR 318.3-318.6',
  sourceUrl: HBNR_URL,
  commencement: '2024-07-29',
};

/** Everyone affected, wherever they live: both rules count consumers, not residents of a state. */
const everyone = (f: Facts): number => count(f, () => true);

export function evaluateGlbaFtc(f: Facts): Obligation[] {
  if (!f.sectors.includes('glba-financial-institution')) return [];
  const people = everyone(f);
  if (people === 0 || !inForce(f, US_GLBA_FTC, ZONE)) return [];
  const unencrypted = !safeHarbour(f);
  const required = unencrypted && people >= 500;
  const sources: Source[] = [
    {
      fact: 'a notification event is unauthorized acquisition of unencrypted customer information involving 500 or more consumers; in force from 2024-05-13 (final rule, 88 FR 77499, FR Doc. 2023-24412)',
      url: GLBA_FR,
      confirmed: true,
    },
    {
      fact: 'the FTC is notified as soon as possible and no later than 30 days after discovery (314.4(j)); a law enforcement request delays only the public posting',
      url: SAFEGUARDS_URL,
      confirmed: false,
    },
  ];
  return [
    buildObligation(f, {
      regime: US_GLBA_FTC,
      audience: 'regulator',
      recipientKey: 'ftc',
      recipient: 'Federal Trade Commission (Safeguards Rule notification form)',
      required,
      deadline: {
        period: { unit: 'days', n: 30 },
        from: { kind: 'discovery' },
        zone: ZONE,
        text: 'as soon as possible, and no later than 30 days after discovery',
      },
      basis: '16 CFR 314.4(j)',
      why: [
        `${people} consumers affected.`,
        unencrypted
          ? f.encrypted
            ? 'The data was encrypted but the key was compromised, so the customer information counts as unencrypted.'
            : 'Unencrypted customer information: a notification event if acquired without authorization (access is presumed to be acquisition without reliable evidence to the contrary).'
          : 'Encrypted and the key not compromised: not a notification event.',
        people >= 500
          ? 'At least 500 consumers: notify the FTC.'
          : `Fewer than 500 consumers (${people}): no FTC notice under 314.4(j).`,
        "A law enforcement request can delay the FTC's public posting of the notice, not the notice itself, so no hold delays it.",
      ],
      content: [
        'entity_contacts',
        'nature',
        'occurred_at',
        'categories_of_data',
        'approximate_people',
        'law_enforcement_delay',
        'contact_point',
      ],
      hold: null,
      sources,
    }),
  ];
}

const HEALTH = ['health', 'health_insurance', 'genetic', 'biometric'] as const;
const HBNR_HOLD: HoldRule = {
  sources: LAW_ENFORCEMENT,
  note: '16 CFR 318.4 lets a law enforcement official delay notice as 45 CFR 164.412 does',
};

// The amended 318.2 was read in a reproduction of 16 CFR part 318 as revised on 2024-11-20 (checkoutapi.com); the
// timing sections (318.3-318.5) were not in the stored copies, so they stay unconfirmed.
const HBNR_DEFINITION: Source = {
  fact: "a breach of security is the acquisition of unsecured PHR identifiable health information without the individual's authorization, presumed from unauthorized access, and includes one that occurs as a result of a data breach or an unauthorized disclosure (318.2, as amended in 2024)",
  url: HBNR_DEFINITIONS_URL,
  confirmed: true,
};
const hbnrSources = (fact: string, url = HBNR_URL): Source[] => [HBNR_DEFINITION, { fact, url, confirmed: false }];
const sixty = (text: string): DeadlineSpec => ({
  period: { unit: 'days', n: 60 },
  from: { kind: 'discovery' },
  zone: ZONE,
  text,
});
// A media notice per state with more than 500 residents: up to 54 obligations alike but for the state, so what they
// share is built once.
const MEDIA_DEADLINE = keepKey(sixty('without unreasonable delay and no later than 60 calendar days after discovery'));
const MEDIA_CONTENT = ['nature', 'occurred_at', 'discovered_at', 'categories_of_data', 'steps_for_individuals'];
const MEDIA_SOURCES = hbnrSources('media when more than 500 residents of a state (318.5(b))');
const MEDIA_UNCONFIRMED = unconfirmedFactsOf(MEDIA_SOURCES);

export function evaluateHbnr(f: Facts): Obligation[] {
  if (!f.sectors.includes('ftc-hbnr-vendor')) return [];
  const people = everyone(f);
  if (people === 0 || !inForce(f, US_FTC_HBNR, ZONE)) return [];
  const health = hasAny(f, HEALTH);
  const breach = health && !safeHarbour(f);
  const reasons = [
    `${people} people affected.`,
    health
      ? safeHarbour(f)
        ? 'The health information was secured (encrypted, key not compromised): not a breach of unsecured PHR identifiable health information.'
        : 'Unsecured PHR identifiable health information was acquired without authorization (a breach of security under 318.2, which since 2024 includes unauthorized disclosures).'
      : 'No health information among the data elements: not a breach under the rule.',
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: US_FTC_HBNR,
        audience: 'controller',
        recipientKey: 'vendor',
        recipient: 'The vendor of personal health records or PHR related entity we serve',
        required: breach,
        deadline: sixty('without unreasonable delay and no later than 60 calendar days after discovery'),
        basis: '16 CFR 318.3(b)',
        why: [...reasons, 'As a third-party service provider we notify the vendor, identifying each individual.'],
        content: ['nature', 'categories_of_data', 'approximate_people', 'occurred_at', 'discovered_at'],
        hold: HBNR_HOLD,
        sources: hbnrSources(
          'service provider notifies the vendor within 60 calendar days of discovery (318.3(b), 318.4)',
        ),
      }),
    ];
  }
  const large = people >= 500;
  const out: Obligation[] = [
    buildObligation(f, {
      regime: US_FTC_HBNR,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: breach,
      deadline: sixty('without unreasonable delay and no later than 60 calendar days after discovery'),
      basis: '16 CFR 318.4(a), 318.5(a)',
      why: reasons,
      content: [
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'steps_for_individuals',
        'measures_taken',
        'contact_point',
      ],
      hold: HBNR_HOLD,
      sources: hbnrSources('individuals within 60 calendar days of discovery (318.4(a))'),
    }),
    buildObligation(f, {
      regime: US_FTC_HBNR,
      audience: 'regulator',
      recipientKey: 'ftc',
      recipient: 'Federal Trade Commission (Health Breach Notification form)',
      required: breach,
      deadline: large
        ? sixty(
            'at the same time as the notice to individuals, without unreasonable delay and no later than 60 calendar days after discovery',
          )
        : {
            period: { unit: 'days', n: 60 },
            from: { kind: 'yearEnd' },
            zone: ZONE,
            text: 'within 60 calendar days after the end of the calendar year of discovery (annual log)',
          },
      basis: '16 CFR 318.5(c)',
      why: [
        ...reasons,
        large
          ? `${people} people (500 or more): notify the FTC at the same time as the individuals.`
          : `${people} people (fewer than 500): log the breach and submit the log within 60 days after the end of the calendar year.`,
      ],
      content: [
        'entity_contacts',
        'nature',
        'approximate_people',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
      ],
      hold: HBNR_HOLD,
      sources: hbnrSources(
        'FTC at the same time as individuals and within 60 days of discovery for 500 or more; annual log within 60 days of year end below (318.5(c), as amended in 2024)',
        HBNR_2024,
      ),
    }),
  ];
  for (const [code, n] of Object.entries(f.affected)) {
    if (!code.startsWith('US-') || n <= 500) continue;
    const state = US_STATE_NAMES[code.slice(3)];
    out.push(
      buildObligation(f, {
        regime: US_FTC_HBNR,
        audience: 'media',
        recipientKey: code.toLowerCase(),
        recipient: `Prominent media outlets serving ${state}`,
        required: breach,
        deadline: MEDIA_DEADLINE,
        basis: '16 CFR 318.5(b)',
        why: [...reasons, `${n} residents of ${state}, more than 500: notify prominent media outlets serving it.`],
        content: MEDIA_CONTENT,
        hold: HBNR_HOLD,
        sources: MEDIA_SOURCES,
        unconfirmed: MEDIA_UNCONFIRMED,
      }),
    );
  }
  return out;
}
