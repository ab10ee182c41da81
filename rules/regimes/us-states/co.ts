import type { StateLaw } from './types';
import { MED, CRED, MT_, ag } from './shared';

const TEXT = 'https://law.counselstack.com/statute/co/06/6-1-716';

export const CO: StateLaw = {
  code: 'CO',
  citation: 'Colo. Rev. Stat. § 6-1-716',
  url: TEXT,
  zone: MT_,
  // Before HB 18-1128 (in force 2018-09-01), from the AICPA summary: name with SSN, driver's licence or ID card
  // number, account or card number with its code; notice in the most expedient time; no Attorney General notice.
  extra: [],
  harm: true,
  harmTest:
    'the investigation determines that misuse of the information has not occurred and is not reasonably likely to occur',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  amendments: [
    {
      from: '2018-09-01',
      citation: 'Colo. Rev. Stat. § 6-1-716 (as amended by HB 18-1128)',
      change: {
        // § 6-1-716(1)(g) (list from the DWT and Colorado AG summaries): with a name, SSN; student, military or
        // passport ID number; driver's licence or ID card number; medical information; health insurance ID number;
        // biometric data. Alone: username or email with password or security Q&A; account or card number with the
        // code needed to access the account.
        extra: ['passport', 'government_id', 'biometric', ...MED],
        alone: [...CRED, 'financial_account', 'payment_card'],
        individuals: { days: 30, from: 'determination' },
        regulators: [ag(500, { kind: 'fromDetermination', days: 30 })],
        substitute: {
          costOver: 250000,
          peopleOver: 250000,
          noContact: true,
          means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
          section: 'Colo. Rev. Stat. § 6-1-716(1)(f)(IV)',
        },
        individualContent: [
          'occurred_at',
          'categories_of_data',
          'contact_point',
          'toll_free_numbers',
          'regulator_contacts',
          'fraud_alert',
          'security_freeze',
        ],
        contentSection: 'Colo. Rev. Stat. § 6-1-716(2)',
      },
    },
  ],
  enactments: [
    { act: 'HB 06-1119', effective: '2006-09-01' },
    { act: 'HB 18-1128 (30 days, Attorney General, wider personal information)', effective: '2018-09-01' },
  ],
  checked: [
    {
      fact: 'the 30-day clock runs from the "determination that a security breach occurred": the point in time at which there is sufficient evidence to conclude that a security breach has taken place (6-1-716(1)(c))',
      url: TEXT,
      audience: 'individuals',
    },
    {
      fact: 'biometric data is unique biometric data used to authenticate the individual when accessing an online account; medical information is information about medical or mental health treatment or diagnosis (6-1-716(1)(a), (e))',
      url: TEXT,
      audience: 'individuals',
    },
  ],
  notes: [
    'Colo. Rev. Stat. § 6-1-716(1)(g): an account or card number counts (even without a name) only with the security code, access code or password needed to access the account (Breachline does not model the code; from summaries).',
    'The 30 days, the Attorney General at 500 or more residents, the agencies over 1,000, the content and the substitute notice are from summaries and the parallel government-entity section (§ 24-73-103), not read in § 6-1-716 itself.',
  ],
};
