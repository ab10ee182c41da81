import type { Facts } from '../facts';
import type { NoticeChannels, Obligation, RegimeInfo, Source } from '../types';
import { US_STATE_NAMES } from '../vocabulary';
import { buildObligation, count, hasAny, inForce, unconfirmedFactsOf } from '../obligation';
import { keepKey, LAW_ENFORCEMENT, type HoldRule } from '../deadline';

// HIPAA Breach Notification Rule, 45 CFR 164.400-414.

const URL = 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D';
const HHS_URL = 'https://www.hhs.gov/hipaa/for-professionals/breach-notification/index.html';
const ZONE = 'America/New_York';

export const US_HIPAA: RegimeInfo = {
  id: 'us-hipaa',
  name: 'HIPAA Breach Notification Rule',
  citation: '45 CFR 164.400-414',
  sourceUrl: URL,
  commencement: '2009-09-23',
};

const HIPAA_CHANNELS: NoticeChannels = { letter: 'counts', email: 'with_consent', call: 'in_addition' };
const PHI = ['health', 'health_insurance', 'genetic'];
const HOLD: HoldRule = {
  sources: LAW_ENFORCEMENT,
  oralMaxDays: 30,
  note: '45 CFR 164.412 lets a law enforcement official delay notice: for the period in a written statement, or at most 30 days from an oral statement',
};
const SIXTY = (from: 'discovery' | 'yearEnd') => ({
  period: { unit: 'days', n: 60 } as const,
  from: { kind: from } as const,
  zone: ZONE,
});
const src = (fact: string, confirmed = true): Source => ({ fact, url: URL, confirmed });

// A media notice per state with more than 500 residents: up to 54 obligations alike but for the state, so what they
// share is built once.
const MEDIA_DEADLINE = keepKey({
  ...SIXTY('discovery'),
  text: 'without unreasonable delay and no later than 60 calendar days after discovery',
});
const MEDIA_CONTENT: string[] = [
  'nature',
  'occurred_at',
  'discovered_at',
  'categories_of_data',
  'steps_for_individuals',
  'measures_taken',
  'contact_point',
];
const MEDIA_SOURCES = [src('media when more than 500 residents of a state or jurisdiction (164.406)')];
const MEDIA_UNCONFIRMED = unconfirmedFactsOf(MEDIA_SOURCES);

export function evaluateHipaa(f: Facts): Obligation[] {
  const ce = f.sectors.includes('hipaa');
  const ba = f.sectors.includes('hipaa-business-associate');
  if ((!ce && !ba) || !inForce(f, US_HIPAA, ZONE)) return [];
  const people = count(f, (c) => c === 'US' || c.startsWith('US-'));
  const phi = hasAny(f, PHI);
  const secured = f.encrypted && !f.keyCompromised;
  const lowProbability = f.riskLevel === 'none';
  const breach = phi && !secured && !lowProbability;
  const reasons: string[] = [];
  if (!phi)
    reasons.push('No health or health insurance data in dataElements, so no protected health information is involved.');
  else if (secured)
    reasons.push(
      'The PHI was encrypted (secured per the HHS guidance) and the key was not compromised: not unsecured PHI, so no breach notification (164.402).',
    );
  else if (lowProbability)
    reasons.push(
      "Risk assessed as 'none': taken as a documented four-factor assessment showing a low probability that the PHI was compromised, so not a breach (164.402(2)).",
    );
  else
    reasons.push(
      `Unsecured PHI of ${people} people in the US${f.encrypted ? ' (encrypted, but the key was compromised)' : ''}: a breach is presumed (164.402(2)).`,
    );

  if (ba && !ce) {
    return [
      buildObligation(f, {
        regime: US_HIPAA,
        audience: 'controller',
        recipientKey: 'covered-entity',
        recipient: 'The covered entity',
        required: breach,
        deadline: {
          ...SIXTY('discovery'),
          text: 'without unreasonable delay and no later than 60 calendar days after discovery',
        },
        basis: '45 CFR 164.410',
        why: [
          ...reasons,
          'As a business associate we notify the covered entity, identifying each individual affected where possible.',
        ],
        content: ['nature', 'categories_of_data', 'approximate_people', 'occurred_at', 'discovered_at'],
        hold: HOLD,
        sources: [src('business associate notifies the covered entity within 60 days of discovery (164.410)')],
      }),
    ];
  }

  const out: Obligation[] = [
    buildObligation(f, {
      regime: US_HIPAA,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: breach,
      deadline: {
        ...SIXTY('discovery'),
        text: 'without unreasonable delay and no later than 60 calendar days after discovery',
      },
      basis: '45 CFR 164.404',
      why: [
        ...reasons,
        'Substitute notice applies when contact information is out of date for 10 or more people (web posting for 90 days or major media, with a toll-free number).',
      ],
      content: [
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'steps_for_individuals',
        'measures_taken',
        'contact_point',
        'toll_free_numbers',
      ],
      hold: HOLD,
      sources: [
        src('individuals within 60 calendar days of discovery (164.404(b)); content (164.404(c))'),
        src('law enforcement delay, oral at most 30 days (164.412)'),
      ],
    }),
  ];
  const large = people >= 500;
  // 45 CFR 164.404(d)(1): written notice by first-class mail, or by email where the individual agreed to it; a
  // telephone call may be added in urgent situations (164.404(d)(3)) but never replaces the written notice.
  out[0]!.channels = HIPAA_CHANNELS;
  out.push(
    buildObligation(f, {
      regime: US_HIPAA,
      audience: 'regulator',
      recipientKey: 'hhs',
      recipient: 'Secretary of HHS (Office for Civil Rights breach portal)',
      required: breach,
      deadline: large
        ? {
            ...SIXTY('discovery'),
            text: 'contemporaneously with the notice to individuals, no later than 60 calendar days after discovery',
          }
        : { ...SIXTY('yearEnd'), text: 'within 60 days after the end of the calendar year of discovery (annual log)' },
      basis: '45 CFR 164.408',
      why: [
        ...reasons,
        large
          ? `${people} people (500 or more): notify HHS at the time of the individual notices.`
          : `${people} people (fewer than 500): log the breach and report it to HHS within 60 days after the end of the calendar year.`,
      ],
      content: [
        'nature',
        'approximate_people',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'measures_taken',
        'contact_point',
      ],
      hold: HOLD,
      sources: [
        src('HHS immediately for 500 or more, annually within 60 days of year end for fewer (164.408)'),
        { fact: 'HHS breach portal', url: HHS_URL, confirmed: true },
      ],
    }),
  );
  for (const [code, n] of Object.entries(f.affected)) {
    if (!code.startsWith('US-') || n <= 0) continue;
    const state = US_STATE_NAMES[code.slice(3)];
    const over = n > 500;
    if (!over) continue;
    out.push(
      buildObligation(f, {
        regime: US_HIPAA,
        audience: 'media',
        recipientKey: code.toLowerCase(),
        recipient: `Prominent media outlets serving ${state}`,
        required: breach,
        deadline: MEDIA_DEADLINE,
        basis: '45 CFR 164.406',
        why: [
          ...reasons,
          `${n} residents of ${state}, more than 500: notify prominent media outlets serving the state.`,
        ],
        content: MEDIA_CONTENT,
        hold: HOLD,
        sources: MEDIA_SOURCES,
        unconfirmed: MEDIA_UNCONFIRMED,
      }),
    );
  }
  return out;
}
