import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { US_STATE_NAMES } from '../vocabulary';
import { buildObligation, inForce } from '../obligation';
import type { Period } from '../deadline';
import { STATE_LAWS } from './us-states/index';

// State insurance data-security laws on the NAIC Insurance Data Security Model Law (MDL-668, Section 6): a
// licensee notifies the state's insurance commissioner of a cybersecurity event from its determination that one
// occurred, when the state is its state of domicile or, for a licensee domiciled elsewhere, when the event
// involves nonpublic information of 250 or more of the state's residents and is reportable elsewhere or
// reasonably likely to cause material harm. The facts do not give the licensee's domicile, so the 250 threshold
// is applied and the why says a domestic licensee notifies whatever the number.

const MODEL_URL = 'https://content.naic.org/sites/default/files/model-law-668.pdf';
const CHART_URL =
  'https://faegredrinker.com/en/insights/publications/2020/10/catching-up-on-the-naic-data-security-model-law-part-2';

type InsuranceLaw = {
  code: string;
  citation: string;
  commencement: string;
  /** The clock from the determination: 72 hours in the model; several states use 3 business days. */
  period: Period;
  text: string;
  regulator: string;
  /**
   * What was read in the statute's own text (or a verbatim reproduction of it): the deadline, and the threshold when
   * the state's wording was read too. Absent: the law-firm survey and the NAIC model only.
   */
  checked?: { url: string; deadline: string; threshold?: string };
  /** Virginia: 250 or more residents suffice, without the model's "reportable elsewhere or material harm". */
  thresholdAlone?: boolean;
  /** What the sources say that could not be checked, added to the unconfirmed fact. */
  note?: string;
};

const H72: Pick<InsuranceLaw, 'period' | 'text'> = {
  period: { unit: 'hours', n: 72 },
  text: 'as promptly as possible and no later than 72 hours from the determination that a cybersecurity event occurred',
};
const BD3: Pick<InsuranceLaw, 'period' | 'text'> = {
  period: { unit: 'businessDays', n: 3, calendar: 'weekends-only' },
  text: 'as promptly as possible and no later than 3 business days from the determination that a cybersecurity event occurred',
};

/**
 * The states whose enactment Breachline could cite by chapter; section numbers of the notice provision are given
 * only where known. Facts are unconfirmed (law-firm summaries, not the statute texts) except those under `checked`.
 */
export const INSURANCE_LAWS: readonly InsuranceLaw[] = [
  {
    code: 'SC',
    citation: 'S.C. Code § 38-99-40',
    commencement: '2019-01-01',
    ...H72,
    regulator: 'Director of the Department of Insurance',
  },
  {
    code: 'AL',
    citation: 'Ala. Code § 27-62-6',
    commencement: '2019-05-01',
    ...BD3,
    regulator: 'Commissioner of Insurance',
    checked: {
      url: 'https://us.vlex.com/vid/ala-code--27-936729788',
      deadline:
        'the commissioner as promptly as possible, but in no event later than three business days from a determination that a cybersecurity event involving nonpublic information in the possession of a licensee has occurred (27-62-6(a))',
      threshold:
        'state of domicile (or home state) with a reasonable likelihood of material harm, or 250 or more consumers residing in Alabama and reportable to a government body elsewhere or reasonably likely to cause material harm (27-62-6(a)(1)-(2))',
    },
  },
  {
    code: 'OH',
    citation: 'Ohio Rev. Code § 3965.04',
    commencement: '2019-03-20',
    ...BD3,
    regulator: 'Superintendent of Insurance',
  },
  {
    code: 'MI',
    citation: 'Mich. Comp. Laws § 500.559',
    commencement: '2021-01-20',
    period: { unit: 'days', n: 10 },
    text: 'as promptly as possible and no later than 10 days from the determination that a cybersecurity event occurred',
    regulator: 'Director of Insurance and Financial Services',
    note: 'the DIFS pages (michigan.gov/difs) say "not later than 10 business days" under MCL 500.559; the statute text was not read, so the shorter 10 calendar days are kept',
  },
  {
    code: 'CT',
    citation: 'Conn. Gen. Stat. § 38a-38',
    commencement: '2019-10-01',
    ...BD3,
    regulator: 'Insurance Commissioner',
  },
  {
    code: 'DE',
    citation: 'Del. Code tit. 18, ch. 86',
    commencement: '2019-07-31',
    ...BD3,
    regulator: 'Insurance Commissioner',
  },
  {
    code: 'MS',
    citation: 'Miss. Code §§ 83-5-801 et seq.',
    commencement: '2019-07-01',
    ...BD3,
    regulator: 'Commissioner of Insurance',
  },
  {
    code: 'NH',
    citation: 'N.H. Rev. Stat. § 420-P:6',
    commencement: '2020-01-01',
    ...BD3,
    regulator: 'Insurance Commissioner',
    checked: {
      // An unofficial mirror of the RSA text.
      url: 'https://livefreeordie.legal/rsa/section/rsa-section-420-p6-7c62e3df18/',
      deadline:
        'the commissioner within 3 business days of a determination that a cybersecurity event has occurred (420-P:6, I)',
      threshold:
        'state of domicile (or home state) with a reasonable likelihood of material harm, or 250 or more consumers residing in New Hampshire and reportable to a government body or reasonably likely to cause material harm (420-P:6, I(a)-(b))',
    },
  },
  {
    code: 'VA',
    citation: 'Va. Code § 38.2-625',
    commencement: '2020-07-01',
    ...BD3,
    regulator: 'State Corporation Commission, Bureau of Insurance',
    checked: {
      url: 'https://law.lis.virginia.gov/vacode/title38.2/chapter6/section38.2-625',
      deadline:
        'the Commissioner as promptly as possible but in no event later than three business days from the determination that a cybersecurity event has actually occurred (38.2-625(A))',
      threshold:
        "a domestic insurer (or home-state producer) meeting the Commission's thresholds, or 250 or more consumers residing in Virginia, or notice required to a government body under federal law or another state's law (38.2-625(A)(1)-(2))",
    },
    thresholdAlone: true,
  },
  {
    code: 'IN',
    citation: 'Ind. Code 27-2-27-21(c)',
    commencement: '2021-07-01',
    ...BD3,
    regulator: 'Commissioner of the Department of Insurance',
  },
  {
    code: 'LA',
    citation: 'La. Rev. Stat. § 22:2506',
    commencement: '2021-08-01',
    ...BD3,
    regulator: 'Commissioner of Insurance',
    note: 'the Louisiana Department of Insurance says the law (Act 283 of 2020) took effect on 2020-08-01, with the information security program due by 2021-08-01',
  },
  {
    code: 'TN',
    citation: 'Tenn. Code § 56-2-1006',
    commencement: '2021-07-01',
    ...BD3,
    regulator: 'Commissioner of Commerce and Insurance',
    checked: {
      // A reproduction of the code text (lawserver.com); only subsection (a)'s opening sentence was read.
      url: 'https://www.lawserver.com/law/state/tennessee/tn-code/tennessee_code_56-2-1006',
      deadline:
        'the commissioner as soon as practicable, and in no event more than three (3) business days, following a determination that a cybersecurity event has occurred (56-2-1006(a))',
    },
  },
];

const ZONES: Readonly<Record<string, string>> = Object.fromEntries(STATE_LAWS.map((l) => [l.code, l.zone]));

export function insuranceRegimeInfo(law: InsuranceLaw): RegimeInfo {
  return {
    id: `us-ins-${law.code.toLowerCase()}`,
    name: `${US_STATE_NAMES[law.code]} insurance data security law (NAIC model)`,
    citation: law.citation,
    sourceUrl: MODEL_URL,
    commencement: law.commencement,
  };
}

export function evaluateInsurance(law: InsuranceLaw, f: Facts): Obligation[] {
  if (!f.sectors.includes('insurance-licensee')) return [];
  const residents = f.affected[`US-${law.code}`] ?? 0;
  const info = insuranceRegimeInfo(law);
  const zone = ZONES[law.code] ?? 'America/New_York';
  if (residents === 0 || !inForce(f, info, zone)) return [];
  const state = US_STATE_NAMES[law.code];
  const harm = f.riskLevel !== 'none';
  const enough = residents >= 250;
  const { checked } = law;
  const note = law.note ? `; ${law.note}` : '';
  const sources: Source[] = checked
    ? [
        { fact: `${law.code}: ${checked.deadline}`, url: checked.url, confirmed: true },
        { fact: `${law.code}: in force from ${law.commencement}${note}`, url: CHART_URL, confirmed: false },
      ]
    : [
        {
          fact: `${law.code}: commissioner ${law.text} (${law.citation}); in force from ${law.commencement}${note}`,
          url: CHART_URL,
          confirmed: false,
        },
      ];
  sources.push(
    checked?.threshold
      ? { fact: `${law.code}: ${checked.threshold}`, url: checked.url, confirmed: true }
      : {
          fact: 'model Section 6: state of domicile, or 250 or more residents and reportable elsewhere or material harm likely',
          url: MODEL_URL,
          confirmed: false,
        },
  );
  const required = law.thresholdAlone ? enough : harm && enough;
  return [
    buildObligation(f, {
      regime: info,
      audience: 'regulator',
      recipientKey: 'commissioner',
      recipient: `${law.regulator} (${state})`,
      required,
      deadline: { period: law.period, from: { kind: 'notifiable' }, zone, text: law.text },
      basis: law.citation,
      why: [
        `${residents} ${state} residents affected.`,
        enough
          ? `250 or more residents: a licensee domiciled elsewhere notifies the ${law.regulator}.`
          : `Fewer than 250 residents: only a licensee domiciled in ${state} notifies (the facts do not give the domicile; a domestic licensee notifies whatever the number).`,
        law.thresholdAlone
          ? enough
            ? `${law.citation}(A)(2): 250 or more consumers residing in ${state} suffice, whatever the harm.`
            : `${law.citation}(A)(2): below 250, a licensee domiciled elsewhere also notifies when another state or federal law requires notice of the event to a government body (not in the facts).`
          : harm
            ? 'Risk assessed above none: taken as reportable elsewhere or reasonably likely to cause material harm.'
            : "Risk assessed as 'none': taken as neither reportable elsewhere nor likely to cause material harm, so no notice.",
        law.period.unit === 'businessDays' ? 'Business days skip weekends only; state holidays are not modelled.' : '',
      ].filter(Boolean),
      content: [
        'entity_contacts',
        'occurred_at',
        'discovered_at',
        'nature',
        'categories_of_data',
        'approximate_people',
        'law_enforcement_delay',
        'measures_taken',
        'contact_point',
      ],
      hold: null,
      sources,
    }),
  ];
}

export const INSURANCE_EVALUATORS: readonly { info: RegimeInfo; evaluate: (f: Facts) => Obligation[] }[] =
  INSURANCE_LAWS.map((law) => ({ info: insuranceRegimeInfo(law), evaluate: (f: Facts) => evaluateInsurance(law, f) }));
