import type { Audience, DataElement } from '../vocabulary';

// The breach notification laws of the 50 states, DC, Puerto Rico, Guam and the
// US Virgin Islands, as data. Thresholds are the smallest number of affected
// residents that triggers a notice (a statute's "more than 500" is 501).
// `checked` lists the facts confirmed against a source; every other fact of an
// entry is the well-known shape from breach charts and is reported as unconfirmed.

export type RegulatorWhen =
  /** No later than the notice to residents (same deadline as individuals). */
  | { kind: 'withIndividuals' }
  /** Before the notice to residents. */
  | { kind: 'beforeIndividuals' }
  /** A number of days after the notice to individuals has been sent. */
  | { kind: 'afterIndividuals'; days: number; businessDays?: boolean }
  | { kind: 'fromDiscovery'; days: number; businessDays?: boolean }
  | { kind: 'fromDetermination'; days: number }
  | { kind: 'expedient' };

export type StateRegulator = {
  key: string;
  name: string;
  /** Smallest number of affected residents that triggers this notice; 1 = any notifiable breach. */
  min: number;
  when: RegulatorWhen;
  /** A notice of a no-harm determination is due here instead when the harm exemption is used. */
  onNoHarm?: boolean;
};

export type StateLaw = {
  code: string;
  citation: string;
  url: string;
  zone: string;
  /** Elements beyond the baseline (SSN, driver's licence, financial account, payment card) that count with a name. */
  extra: DataElement[];
  /** Elements that count alone, without a name (e.g. username or email with password). */
  alone?: DataElement[];
  /** May notice to individuals be skipped when an investigation finds no reasonable likelihood of harm? */
  harm: boolean;
  individuals: { days?: number; from?: 'discovery' | 'determination' };
  regulators: StateRegulator[];
  cra?: { min: number };
  /** Third party maintaining data for the owner: days to tell the owner (otherwise immediately / without unreasonable delay). */
  processorDays?: number;
  processorHours?: number;
  /** A law enforcement request must be written to delay notice. */
  holdWritten?: boolean;
  creditMonitoring?: { months: number; elements: DataElement[] };
  /** Later versions of the entry, applied by awarenessAt. */
  amendments?: { from: string; citation: string; change: Partial<Omit<StateLaw, 'amendments' | 'code'>> }[];
  /** Facts confirmed against a source, with that source; `audience` says which notice a fact is about when its words do not. */
  checked?: { fact: string; url: string; audience?: Audience | 'all' }[];
  notes?: string[];
};

const CHART = 'https://cyber.carltonfields.com/incident-response/data-security-privacy-laws-by-state/';
const MED: DataElement[] = ['health', 'health_insurance'];
const CRED: DataElement[] = ['account_credentials'];
const ET = 'America/New_York';
const CT_ = 'America/Chicago';
const MT_ = 'America/Denver';
const PT = 'America/Los_Angeles';
const ag = (min: number, when: RegulatorWhen, name = 'Attorney General'): StateRegulator => ({
  key: 'attorney-general',
  name,
  min,
  when,
});
const WITH: RegulatorWhen = { kind: 'withIndividuals' };

export const STATE_LAWS: readonly StateLaw[] = [
  {
    code: 'AL',
    citation: 'Ala. Code §§ 8-38-1 to -12',
    url: CHART,
    zone: CT_,
    extra: ['tax_id', 'passport', ...MED, ...CRED],
    harm: true,
    individuals: { days: 45, from: 'determination' },
    regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
    cra: { min: 1001 },
    processorDays: 10,
    // § 8-38-5(c): the delay needs a written request of the law enforcement agency.
    holdWritten: true,
    checked: [
      {
        fact: "individuals within 45 days of the determination that a breach occurred and is reasonably likely to cause substantial harm, or of a third-party agent's notice (8-38-5(a)-(b))",
        url: 'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/',
      },
      {
        fact: 'notice to individuals is delayed on the written request of a federal or state law enforcement agency (8-38-5(c))',
        url: 'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/',
        audience: 'individuals',
      },
      {
        fact: 'a third-party agent notifies the covered entity no later than 10 days after determining the breach or having reason to believe it occurred (8-38-8)',
        url: 'https://alison.legislature.state.al.us/code-of-alabama?section=8-38-8',
      },
    ],
  },
  {
    code: 'AK',
    citation: 'Alaska Stat. §§ 45.48.010-.090',
    url: CHART,
    zone: 'America/Anchorage',
    extra: [],
    harm: true,
    individuals: {},
    regulators: [
      {
        key: 'attorney-general',
        name: 'Attorney General',
        min: Number.POSITIVE_INFINITY,
        when: { kind: 'expedient' },
        onNoHarm: true,
      },
    ],
    cra: { min: 1001 },
  },
  {
    code: 'AZ',
    citation: 'Ariz. Rev. Stat. § 18-551 to -552',
    url: CHART,
    zone: 'America/Phoenix',
    extra: ['passport', 'tax_id', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 45, from: 'determination' },
    regulators: [
      ag(1001, { kind: 'fromDetermination', days: 45 }),
      {
        key: 'dhs',
        name: 'Arizona Department of Homeland Security',
        min: 1001,
        when: { kind: 'fromDetermination', days: 45 },
      },
    ],
    cra: { min: 1001 },
  },
  {
    code: 'AR',
    citation: 'Ark. Code §§ 4-110-101 to -108',
    url: CHART,
    zone: CT_,
    extra: [...MED, 'biometric'],
    harm: true,
    individuals: {},
    regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
    notes: [
      'The Attorney General notice is due at the time residents are notified or within 45 days of the determination, whichever is first.',
    ],
  },
  {
    code: 'CA',
    citation: 'Cal. Civ. Code § 1798.82',
    url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82',
    zone: PT,
    extra: ['tax_id', 'passport', ...MED, 'biometric', 'genetic'],
    alone: CRED,
    harm: false,
    individuals: {},
    regulators: [ag(501, { kind: 'expedient' })],
    creditMonitoring: { months: 12, elements: ['national_id', 'drivers_license'] },
    amendments: [
      {
        from: '2026-01-01',
        citation: 'Cal. Civ. Code § 1798.82 as amended by SB 446 (2025)',
        change: {
          individuals: { days: 30, from: 'discovery' },
          regulators: [ag(501, { kind: 'afterIndividuals', days: 15 })],
        },
      },
    ],
    checked: [
      {
        fact: 'from 2026-01-01 individuals within 30 calendar days of discovery (SB 446)',
        url: 'https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/',
      },
      {
        fact: 'sample notice to the Attorney General when more than 500 residents are notified, within 15 calendar days of notifying them (SB 446)',
        url: 'https://dailyjournal.com/articles/388637-california-data-breach-law-tightens-with-30-day-deadline-raises-stakes-for-companies',
      },
      {
        fact: 'delay allowed when a law enforcement agency determines notice would impede a criminal investigation',
        url: 'https://dailyjournal.com/articles/388637-california-data-breach-law-tightens-with-30-day-deadline-raises-stakes-for-companies',
      },
    ],
    notes: [
      'Notice must be titled "Notice of Data Breach" with the statute\'s headings.',
      'Delay is also allowed as necessary to determine the scope of the breach and restore the system (not modelled as a hold).',
    ],
  },
  {
    code: 'CO',
    citation: 'Colo. Rev. Stat. § 6-1-716',
    url: CHART,
    zone: MT_,
    // HB 18-1128 (from 2018-09-01): medical information and health insurance identification numbers count.
    extra: ['passport', 'biometric', ...MED],
    alone: CRED,
    harm: true,
    individuals: { days: 30, from: 'determination' },
    regulators: [ag(500, { kind: 'fromDetermination', days: 30 })],
    cra: { min: 1001 },
  },
  {
    code: 'CT',
    citation: 'Conn. Gen. Stat. § 36a-701b',
    url: CHART,
    zone: ET,
    extra: ['tax_id', 'passport', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 60, from: 'discovery' },
    regulators: [ag(1, WITH)],
    creditMonitoring: { months: 24, elements: ['national_id', 'tax_id'] },
  },
  {
    code: 'DE',
    citation: 'Del. Code tit. 6, §§ 12B-101 to -104',
    url: CHART,
    zone: ET,
    extra: ['passport', 'tax_id', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 60, from: 'determination' },
    regulators: [ag(501, WITH)],
    creditMonitoring: { months: 12, elements: ['national_id'] },
  },
  {
    code: 'DC',
    citation: 'D.C. Code §§ 28-3851 to -3853',
    url: CHART,
    zone: ET,
    extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [ag(50, WITH, 'Office of the Attorney General for the District of Columbia')],
    cra: { min: 1001 },
    creditMonitoring: { months: 18, elements: ['national_id', 'tax_id'] },
  },
  {
    code: 'FL',
    citation: 'Fla. Stat. § 501.171',
    url: CHART,
    zone: ET,
    extra: ['passport', ...MED],
    alone: CRED,
    harm: true,
    individuals: { days: 30, from: 'determination' },
    regulators: [
      {
        key: 'attorney-general',
        name: 'Department of Legal Affairs (Attorney General)',
        min: 500,
        when: { kind: 'fromDetermination', days: 30 },
        onNoHarm: true,
      },
    ],
    cra: { min: 1001 },
    processorDays: 10,
    holdWritten: true,
  },
  {
    code: 'GA',
    citation: 'Ga. Code §§ 10-1-910 to -912',
    url: CHART,
    zone: ET,
    extra: [],
    harm: false,
    individuals: {},
    regulators: [],
    cra: { min: 10001 },
    processorHours: 24,
  },
  {
    code: 'HI',
    citation: 'Haw. Rev. Stat. §§ 487N-1 to -7',
    url: CHART,
    zone: 'Pacific/Honolulu',
    extra: [],
    harm: true,
    individuals: {},
    regulators: [
      { key: 'consumer-protection', name: 'Office of Consumer Protection', min: 1001, when: { kind: 'expedient' } },
    ],
    cra: { min: 1001 },
  },
  {
    code: 'ID',
    citation: 'Idaho Code §§ 28-51-104 to -107',
    url: CHART,
    zone: 'America/Boise',
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
  },
  {
    code: 'IL',
    citation: '815 ILCS 530',
    url: CHART,
    zone: CT_,
    extra: ['passport', 'tax_id', ...MED, 'biometric'],
    alone: CRED,
    harm: false,
    individuals: {},
    regulators: [ag(501, WITH)],
  },
  {
    code: 'IN',
    citation: 'Ind. Code §§ 24-4.9',
    url: CHART,
    zone: 'America/Indiana/Indianapolis',
    extra: [],
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [ag(1, WITH)],
    cra: { min: 1001 },
  },
  {
    code: 'IA',
    citation: 'Iowa Code §§ 715C.1-.2',
    url: CHART,
    zone: CT_,
    extra: ['biometric', 'passport'],
    harm: true,
    individuals: {},
    regulators: [
      ag(
        501,
        { kind: 'afterIndividuals', days: 5, businessDays: true },
        'Attorney General, Consumer Protection Division',
      ),
    ],
  },
  {
    code: 'KS',
    citation: 'Kan. Stat. §§ 50-7a01 to -7a04',
    url: CHART,
    zone: CT_,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'KY',
    citation: 'Ky. Rev. Stat. § 365.732',
    url: CHART,
    zone: ET,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'LA',
    citation: 'La. Rev. Stat. §§ 51:3071-3077; La. Admin. Code tit. 16, § III.701',
    url: CHART,
    zone: CT_,
    extra: ['passport', 'biometric'],
    harm: true,
    individuals: { days: 60, from: 'discovery' },
    regulators: [ag(1, { kind: 'afterIndividuals', days: 10 })],
  },
  {
    code: 'ME',
    citation: 'Me. Rev. Stat. tit. 10, §§ 1346-1350-B',
    url: CHART,
    zone: ET,
    extra: [],
    alone: CRED,
    harm: true,
    individuals: { days: 30, from: 'discovery' },
    regulators: [
      ag(
        1,
        WITH,
        'Attorney General (or the Department of Professional and Financial Regulation for regulated entities)',
      ),
    ],
    cra: { min: 1001 },
  },
  {
    code: 'MD',
    citation: 'Md. Code Com. Law §§ 14-3501 to -3508',
    url: CHART,
    zone: ET,
    extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
    alone: CRED,
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [ag(1, { kind: 'beforeIndividuals' })],
    // § 14-3506(a) says "1,000 or more individuals", not "more than": the threshold is at 1,000 itself.
    cra: { min: 1000 },
    checked: [
      {
        fact: 'individuals as soon as reasonably practicable and no later than 45 days after the business discovers or is notified of the breach, unless it reasonably determines misuse is not likely (14-3504(b)(2)-(3))',
        url: 'https://lexace.ai/us/statute/maryland/CL-14-3504',
      },
    ],
  },
  {
    code: 'MA',
    citation: 'Mass. Gen. Laws ch. 93H, § 3',
    url: CHART,
    zone: ET,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [
      ag(1, WITH),
      { key: 'ocabr', name: 'Office of Consumer Affairs and Business Regulation', min: 1, when: WITH },
    ],
    creditMonitoring: { months: 18, elements: ['national_id'] },
    notes: ['The notice to residents must not state the nature of the breach or the number of residents affected.'],
  },
  {
    code: 'MI',
    citation: 'Mich. Comp. Laws §§ 445.63, 445.72',
    url: CHART,
    zone: 'America/Detroit',
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'MN',
    citation: 'Minn. Stat. § 325E.61',
    url: CHART,
    zone: CT_,
    extra: [],
    harm: false,
    individuals: {},
    regulators: [],
    cra: { min: 501 },
    notes: [
      'Consumer reporting agencies are to be told within 48 hours when more than 500 people are notified at one time.',
    ],
  },
  {
    code: 'MS',
    citation: 'Miss. Code § 75-24-29',
    url: CHART,
    zone: CT_,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
  },
  {
    code: 'MO',
    citation: 'Mo. Rev. Stat. § 407.1500',
    url: CHART,
    zone: CT_,
    extra: MED,
    harm: true,
    individuals: {},
    regulators: [ag(1001, WITH)],
    cra: { min: 1001 },
  },
  {
    code: 'MT',
    citation: 'Mont. Code §§ 30-14-1704, 2-6-1503',
    url: CHART,
    zone: MT_,
    // Mont. Code 30-14-1704(4)(b): medical record information counts.
    extra: ['tax_id', 'health_insurance', 'health'],
    harm: true,
    individuals: {},
    regulators: [ag(1, WITH, 'Office of Consumer Protection, Department of Justice')],
  },
  {
    code: 'NE',
    citation: 'Neb. Rev. Stat. §§ 87-801 to -808',
    url: CHART,
    zone: CT_,
    extra: ['biometric'],
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [ag(1, WITH)],
  },
  {
    code: 'NV',
    citation: 'Nev. Rev. Stat. §§ 603A.010-.290',
    url: CHART,
    zone: PT,
    // NRS 603A.040: a medical identification number or health insurance identification number counts.
    extra: ['health_insurance'],
    alone: CRED,
    harm: false,
    individuals: {},
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'NH',
    citation: 'N.H. Rev. Stat. §§ 359-C:19-21',
    url: CHART,
    zone: ET,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [ag(1, WITH)],
    cra: { min: 1001 },
  },
  {
    code: 'NJ',
    citation: 'N.J. Stat. §§ 56:8-161 to -166',
    url: CHART,
    zone: ET,
    extra: [],
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [
      {
        key: 'state-police',
        name: 'Division of State Police, Department of Law and Public Safety',
        min: 1,
        when: { kind: 'beforeIndividuals' },
      },
    ],
    cra: { min: 1001 },
  },
  {
    code: 'NM',
    citation: 'N.M. Stat. §§ 57-12C-1 to -12',
    url: CHART,
    zone: MT_,
    extra: ['biometric'],
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [ag(1001, { kind: 'fromDiscovery', days: 45 })],
    cra: { min: 1001 },
  },
  {
    code: 'NY',
    citation: 'N.Y. Gen. Bus. Law § 899-aa',
    url: CHART,
    zone: ET,
    extra: ['biometric'],
    alone: CRED,
    harm: false,
    individuals: {},
    regulators: [
      ag(1, WITH),
      { key: 'department-of-state', name: 'Department of State', min: 1, when: WITH },
      { key: 'state-police', name: 'Division of State Police', min: 1, when: WITH },
    ],
    cra: { min: 5001 },
    amendments: [
      {
        from: '2024-12-21',
        citation: 'N.Y. Gen. Bus. Law § 899-aa as amended in 2024',
        change: { individuals: { days: 30, from: 'discovery' } },
      },
      {
        from: '2025-03-21',
        citation: 'N.Y. Gen. Bus. Law § 899-aa as amended in 2024-2025',
        change: {
          individuals: { days: 30, from: 'discovery' },
          regulators: [
            ag(1, WITH),
            { key: 'department-of-state', name: 'Department of State', min: 1, when: WITH },
            { key: 'state-police', name: 'Division of State Police', min: 1, when: WITH },
            { key: 'dfs', name: 'Department of Financial Services', min: 1, when: WITH },
          ],
        },
      },
    ],
    notes: ['Harm exemption only for inadvertent disclosure by authorised persons, not modelled.'],
  },
  {
    code: 'NC',
    citation: 'N.C. Gen. Stat. §§ 75-61, 75-65',
    url: CHART,
    zone: ET,
    extra: ['passport', 'tax_id', 'biometric'],
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [ag(1, WITH, 'Attorney General, Consumer Protection Division')],
    cra: { min: 1001 },
  },
  {
    code: 'ND',
    citation: 'N.D. Cent. Code §§ 51-30-01 to -07',
    url: CHART,
    zone: CT_,
    extra: ['date_of_birth', ...MED, 'biometric'],
    alone: CRED,
    harm: false,
    individuals: {},
    regulators: [ag(251, WITH)],
  },
  {
    code: 'OH',
    citation: 'Ohio Rev. Code §§ 1349.19-.192',
    url: CHART,
    zone: ET,
    extra: [],
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'OK',
    citation: 'Okla. Stat. tit. 24, §§ 161-166',
    url: CHART,
    zone: CT_,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
    amendments: [
      {
        from: '2026-01-01',
        citation: 'Okla. Stat. tit. 24, §§ 161-166 as amended by SB 626 (2025)',
        change: { extra: ['biometric'], regulators: [ag(500, { kind: 'afterIndividuals', days: 60 })] },
      },
    ],
    checked: [
      {
        fact: 'from 2026-01-01 Attorney General notice for 500 or more residents, no more than 60 days after notifying residents (SB 626)',
        url: 'https://www.troutmanprivacy.com/?p=30240',
      },
    ],
  },
  {
    code: 'OR',
    citation: 'Or. Rev. Stat. §§ 646A.600-.628',
    url: CHART,
    zone: PT,
    extra: ['passport', 'tax_id', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [ag(251, WITH)],
    cra: { min: 1001 },
    // ORS 646A.604(2)(a) (SB 684, from 2020-01-01): a vendor tells the covered entity within 10 days of discovering
    // the breach or having reason to believe it occurred (a determination clock). The vendor's own notice to the
    // Attorney General above 250 consumers (646A.604(2)(c)) is not modelled.
    amendments: [
      {
        from: '2020-01-01',
        citation: 'Or. Rev. Stat. §§ 646A.600-.628 as amended by SB 684 (2019)',
        change: {
          processorDays: 10,
          checked: [
            {
              fact: 'vendor notifies the covered entity as soon as practicable and no later than 10 days after discovering the breach or having reason to believe it occurred (646A.604(2)(a))',
              url: 'https://www.oregonlaws.org/ors/646A.604',
            },
          ],
        },
      },
    ],
  },
  {
    code: 'PA',
    citation: '73 Pa. Stat. §§ 2301-2330',
    url: CHART,
    zone: ET,
    extra: MED,
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [ag(501, WITH)],
    cra: { min: 1001 },
    creditMonitoring: { months: 12, elements: ['national_id', 'financial_account', 'drivers_license'] },
  },
  {
    code: 'RI',
    citation: 'R.I. Gen. Laws §§ 11-49.3-1 to -6',
    url: CHART,
    zone: ET,
    // § 11-49.3-3 lists a driver's licence, Rhode Island or tribal identification number, not a passport: the
    // passport the entry had was over-included (issue 13; from two law-firm summaries of the definition).
    extra: [...MED],
    alone: CRED,
    harm: true,
    individuals: { days: 45, from: 'determination' },
    regulators: [ag(501, WITH)],
    cra: { min: 501 },
    checked: [
      {
        fact: 'individuals in the most expedient time possible and no later than 45 calendar days after confirmation of the breach (a determination clock), when the breach poses a significant risk of identity theft (11-49.3-4(a)(1)-(2))',
        url: 'https://lawserver.com/law/state/rhode-island/ri-laws/rhode_island_general_laws_11-49-3-4',
      },
    ],
  },
  {
    code: 'SC',
    citation: 'S.C. Code § 39-1-90',
    url: CHART,
    zone: ET,
    // S.C. Code 39-1-90(D)(3): numbers issued by a governmental or regulatory entity that uniquely identify a person.
    extra: ['passport'],
    harm: true,
    individuals: {},
    regulators: [{ key: 'consumer-affairs', name: 'Department of Consumer Affairs', min: 1001, when: WITH }],
    cra: { min: 1001 },
  },
  {
    code: 'SD',
    citation: 'S.D. Codified Laws §§ 22-40-19 to -26',
    url: CHART,
    zone: CT_,
    extra: ['passport', 'health', 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 60, from: 'discovery' },
    regulators: [{ ...ag(251, WITH), onNoHarm: true }],
    cra: { min: 1 },
  },
  {
    code: 'TN',
    citation: 'Tenn. Code § 47-18-2107',
    url: CHART,
    zone: ET,
    extra: [],
    harm: false,
    individuals: { days: 45, from: 'discovery' },
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'TX',
    citation: 'Tex. Bus. & Com. Code § 521.053',
    url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm',
    zone: CT_,
    // 521.002(a)(2): a government-issued identification number (a passport among them) counts with a name.
    extra: ['health', 'passport'],
    harm: false,
    individuals: { days: 60, from: 'determination' },
    regulators: [ag(250, { kind: 'fromDetermination', days: 30 })],
    cra: { min: 10001 },
    checked: [
      {
        fact: 'individuals within 60 days of determining the breach; Attorney General within 30 days when 250 or more residents; CRAs when more than 10,000',
        url: 'https://www.dwt.com/blogs/privacy--security-law-blog/2023/06/texas-data-breach-notification-law-update',
      },
    ],
  },
  {
    code: 'UT',
    citation: 'Utah Code §§ 13-44-101 to -301',
    url: CHART,
    zone: MT_,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [ag(500, WITH), { key: 'cyber-center', name: 'Utah Cyber Center', min: 500, when: WITH }],
    // § 13-44-202 says "1,000 or more Utah residents" (Perkins Coie chart, S.B. 98 of 2024), not "more than": the threshold is at 1,000 itself.
    cra: { min: 1000 },
  },
  {
    code: 'VT',
    citation: 'Vt. Stat. tit. 9, § 2435',
    url: CHART,
    zone: ET,
    extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
    alone: CRED,
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [
      {
        ...ag(
          1,
          { kind: 'fromDiscovery', days: 14, businessDays: true },
          'Attorney General (or the Department of Financial Regulation)',
        ),
        onNoHarm: true,
      },
    ],
    cra: { min: 1001 },
    notes: [
      'The 14-business-day preliminary notice to the Attorney General counts weekends only; Vermont state holidays are not in the calendar.',
    ],
  },
  {
    code: 'VA',
    citation: 'Va. Code §§ 18.2-186.6, 32.1-127.1:05',
    url: CHART,
    zone: ET,
    extra: ['passport', 'health'],
    harm: true,
    individuals: {},
    regulators: [ag(1, WITH)],
    cra: { min: 1001 },
  },
  {
    code: 'WA',
    citation: 'Wash. Rev. Code § 19.255.010',
    url: CHART,
    zone: PT,
    extra: ['date_of_birth', 'passport', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: { days: 30, from: 'discovery' },
    regulators: [ag(501, { kind: 'fromDiscovery', days: 30 })],
  },
  {
    code: 'WV',
    citation: 'W. Va. Code §§ 46A-2A-101 to -105',
    url: CHART,
    zone: ET,
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'WI',
    citation: 'Wis. Stat. § 134.98',
    url: CHART,
    zone: CT_,
    extra: ['biometric', 'genetic'],
    harm: true,
    individuals: { days: 45, from: 'discovery' },
    regulators: [],
    cra: { min: 1001 },
  },
  {
    code: 'WY',
    citation: 'Wyo. Stat. §§ 40-12-501 to -502',
    url: CHART,
    zone: MT_,
    extra: ['tax_id', 'passport', ...MED, 'biometric'],
    alone: CRED,
    harm: true,
    individuals: {},
    regulators: [],
  },
  {
    code: 'PR',
    citation: 'P.R. Laws tit. 10, §§ 4051-4055',
    url: CHART,
    zone: 'America/Puerto_Rico',
    // 10 L.P.R.A. 4051: other official identification, tax information and HIPAA-protected medical information.
    extra: ['passport', 'tax_id', 'health'],
    harm: false,
    individuals: {},
    regulators: [
      { key: 'daco', name: 'Department of Consumer Affairs (DACO)', min: 1, when: { kind: 'fromDiscovery', days: 10 } },
    ],
  },
  {
    code: 'GU',
    citation: '9 Guam Code §§ 48.10-.80',
    url: CHART,
    zone: 'Pacific/Guam',
    extra: [],
    harm: true,
    individuals: {},
    regulators: [],
  },
  {
    code: 'VI',
    citation: 'V.I. Code tit. 14, §§ 2208-2212',
    url: CHART,
    zone: 'America/St_Thomas',
    extra: [],
    harm: false,
    individuals: {},
    regulators: [],
  },
];
