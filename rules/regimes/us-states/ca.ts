import type { StateLaw } from './types';
import { MED, CRED, PT, ag } from './shared';

const LEXACE = 'https://lexace.ai/us/statute/california/civ-1798.82';

export const CA: StateLaw = {
  code: 'CA',
  citation: 'Cal. Civ. Code § 1798.82',
  url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CIV&sectionNum=1798.82',
  zone: PT,
  // § 1798.82(h) as in force on 2018-07-01 (from summaries, not the text): name with SSN, driver's licence or
  // California ID, account or card number with its code, medical information, health insurance information, ALPR data
  // (not modelled). Alone: username or email with password or security question and answer.
  extra: [...MED],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [ag(501, { kind: 'expedient' })],
  individualContent: [
    'notice_title',
    'contact_point',
    'categories_of_data',
    'occurred_at',
    'date_of_notice',
    'law_enforcement_delay',
    'nature',
    'measures_taken',
    'steps_for_individuals',
    'toll_free_numbers',
  ],
  contentSection: 'Cal. Civ. Code § 1798.82(d)',
  // § 1798.82(j)(1)-(2): written notice, or electronic notice consistent with E-SIGN (15 U.S.C. 7001), which needs
  // the consumer's consent to electronic records. A text message or a call is not a means the section names.
  channels: { letter: 'counts', email: 'with_consent' },
  creditMonitoring: { months: 12, elements: ['national_id', 'drivers_license'] },
  // § 1798.82(j)(3) substitute notice (not read in the text).
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means:
      'email notice, conspicuous posting on the website for at least 30 days, and notification to major statewide media',
    section: 'Cal. Civ. Code § 1798.82(j)(3)',
  },
  amendments: [
    {
      from: '2020-01-01',
      citation: 'Cal. Civ. Code § 1798.82 (as amended by AB 1130, 2019)',
      // Tax ID, passport, military ID and other government ID numbers, and unique biometric data.
      change: { extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric'] },
    },
    {
      from: '2022-01-01',
      citation: 'Cal. Civ. Code § 1798.82 (as amended by AB 825, 2021)',
      change: { extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric', 'genetic'] },
    },
    {
      from: '2026-01-01',
      citation: 'Cal. Civ. Code § 1798.82 as amended by SB 446 (2025)',
      change: {
        individuals: { days: 30, from: 'discovery' },
        regulators: [ag(501, { kind: 'afterIndividuals', days: 15 })],
      },
    },
  ],
  enactments: [
    { act: 'SB 1386 (2002)', effective: '2003-07-01' },
    { act: 'AB 1130 (2019): tax ID, passport, military and government ID, biometric data', effective: '2020-01-01' },
    { act: 'AB 825 (2021): genetic data', effective: '2022-01-01' },
    { act: 'SB 446 (2025, ch. 319): 30 calendar days; Attorney General within 15 days', effective: '2026-01-01' },
  ],
  checked: [
    {
      fact: 'from 2026-01-01 residents within 30 calendar days of discovery or notification of the breach, subject to law enforcement needs and the time needed to determine the scope and restore the system (1798.82(a)(2))',
      url: LEXACE,
      audience: 'individuals',
    },
    {
      fact: 'encrypted personal information counts when the encryption key or security credential was, or is reasonably believed to have been, acquired (1798.82(a)(1))',
      url: LEXACE,
      audience: 'individuals',
    },
    {
      fact: 'a business that maintains data it does not own notifies the owner or licensee immediately following discovery (1798.82(b))',
      url: LEXACE,
      audience: 'controller',
    },
    {
      fact: 'notification may be delayed if a law enforcement agency determines that it will impede a criminal investigation (1798.82(c))',
      url: LEXACE,
      audience: 'all',
    },
  ],
  notes: [
    'Notice must be titled "Notice of Data Breach" with the statute\'s headings (1798.82(d); not read in the text).',
    'Delay is also allowed as necessary to determine the scope of the breach and restore the system (1798.82(a)(2)(B); not modelled as a hold).',
    'Cal. Civ. Code § 1798.82(h): data from an automated license plate recognition system also counts with a name (no element for it in Breachline).',
    'The Attorney General sample copy (more than 500 residents, within 15 days of notifying them), the content, the elements and the substitute notice are from summaries, not the text.',
  ],
};
