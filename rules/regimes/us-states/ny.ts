import type { StateLaw, StateRegulator } from './types';
import { CRED, ET, MED, ag, WITH } from './shared';

const SHIELD_DAYS = 'https://proteuscyber.com/privacy-database/tag/ny-shield/days';
const SHIELD_LAW = 'https://proteuscyber.com/privacy-database/tag/ny-shield/law';
const DEF = 'https://www.lawinsider.com/dictionary/899-aa-1-b';

const REGULATORS: StateRegulator[] = [
  ag(1, WITH),
  { key: 'department-of-state', name: 'Department of State', min: 1, when: WITH },
  { key: 'state-police', name: 'Division of State Police', min: 1, when: WITH },
];

export const NY: StateLaw = {
  code: 'NY',
  citation: 'N.Y. Gen. Bus. Law § 899-aa',
  url: SHIELD_LAW,
  zone: ET,
  // Before the SHIELD Act: personal information with SSN, driver's licence or non-driver ID number, or an account or
  // card number with its code.
  extra: [],
  // § 899-aa(1)(b): data encrypted with a key that has also been acquired (accessed or acquired since the SHIELD Act)
  // is not protected.
  encryption: { keyException: true, section: 'N.Y. Gen. Bus. Law § 899-aa(1)(b)' },
  // § 899-aa(2)(a) (SHIELD Act): notice is excused only for an inadvertent disclosure by persons authorized to access
  // the information that is not likely to result in misuse or harm; Breachline's risk level cannot express that, so
  // the exemption is not modelled (harm: false).
  harm: false,
  individuals: {},
  regulators: REGULATORS,
  // § 899-aa(8)(b), not read on a statute copy: the chart's "more than 5,000".
  cra: { min: 5001 },
  // § 899-aa(5)(d), not read on a statute copy: the values in the Department of State's fact sheet.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'N.Y. Gen. Bus. Law § 899-aa(5)(d)',
  },
  enactments: [
    { act: 'L.2005, c.442 and c.491', effective: '2005-12-07' },
    { act: 'L.2019, c.117 (SHIELD Act), breach notification provisions', effective: '2019-10-23' },
    {
      act: 'S2659-B/A8872-A (2024): 30 days from discovery; Department of Financial Services',
      effective: '2024-12-21',
    },
    { act: 'S2376-B/A4737-B (2024): medical and health insurance information', effective: '2025-03-21' },
  ],
  amendments: [
    {
      from: '2019-10-23',
      citation: 'N.Y. Gen. Bus. Law § 899-aa as amended by the SHIELD Act (L.2019, c.117)',
      change: { extra: ['biometric'], alone: CRED },
    },
    {
      // Law firm alerts (Jackson Lewis, Alston & Bird, Sheppard Mullin): both changes effective on signature.
      from: '2024-12-21',
      citation: 'N.Y. Gen. Bus. Law § 899-aa as amended by S2659-B (2024)',
      change: {
        individuals: { days: 30, from: 'discovery' },
        regulators: [...REGULATORS, { key: 'dfs', name: 'Department of Financial Services', min: 1, when: WITH }],
      },
    },
    {
      from: '2025-03-21',
      citation: 'N.Y. Gen. Bus. Law § 899-aa as amended by S2659-B and S2376-B (2024)',
      change: { extra: ['biometric', ...MED] },
    },
  ],
  checked: [
    {
      fact: 'data encrypted with an encryption key that has also been acquired is private information (899-aa(1)(b))',
      url: DEF,
      audience: 'individuals',
    },
    {
      fact: 'notice to affected persons is excused only for an inadvertent disclosure by persons authorized to access the information that the business reasonably determines will not likely result in misuse or harm; the determination is documented in writing, kept five years, and given to the Attorney General within ten days when over five hundred residents are affected (899-aa(2)(a), SHIELD Act)',
      url: SHIELD_DAYS,
      audience: 'individuals',
    },
    {
      fact: 'a business notifies every resident whose private information was, or is reasonably believed to have been, accessed or acquired without valid authorization, following discovery or notification of the breach (899-aa(2), SHIELD Act)',
      url: SHIELD_LAW,
      audience: 'individuals',
    },
  ],
  notes: [
    'N.Y. Gen. Bus. Law § 899-aa(1)(a): the identifier may be any information identifying the person (name, number, personal mark or other identifier), not only a name; Breachline counts the elements with a name.',
    'N.Y. Gen. Bus. Law § 899-aa(1)(b) (SHIELD Act): an account or card number counts without its code when it could be used to access the account without it.',
    'N.Y. Gen. Bus. Law § 899-aa(9): a HIPAA covered entity that notifies the Secretary of Health and Human Services also notifies the Attorney General within five business days (not modelled here).',
    'The 2024 amendments (30 days from discovery, the Department of Financial Services, medical and health insurance information) and the regulator, consumer reporting agency, content and substitute-notice subsections were read only in law firm alerts and charts: unconfirmed.',
  ],
};
