import type { StateLaw } from './types';
import { MED, CRED, ET, ag, WITH } from './shared';

const REMEDIES = 'https://code.dccouncil.gov/us/dc/council/code/sections/%5B28-3852.02%5D';

export const DC: StateLaw = {
  code: 'DC',
  citation: 'D.C. Code §§ 28-3851 to -3853',
  url: 'https://code.dccouncil.gov/us/dc/council/code/sections/28-3852',
  zone: ET,
  // Before D.C. Law 23-98 (from the summaries): name with SSN, driver's licence or DC ID card, account or card number
  // with its code; no risk-of-harm exemption; no Attorney General notice; agencies over 1,000.
  extra: [],
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  substitute: {
    costOver: 50000,
    peopleOver: 100000,
    noContact: true,
    means:
      'email notice, conspicuous posting on the website, and notice to major local and, if applicable, national media',
    section: 'D.C. Code § 28-3851(2)',
  },
  amendments: [
    {
      from: '2020-06-08',
      citation:
        'D.C. Code §§ 28-3851 to -3853 (as amended by the Security Breach Protection Amendment Act of 2019, D.C. Law 23-98)',
      change: {
        // § 28-3851(3) (list from the CLIC, Mintz and OAG summaries): with a name, phone number, address or other
        // identifier, SSN, ITIN, passport, driver's licence or DC ID, military ID or other government ID number; account
        // or card number with any code; medical information; genetic information and DNA profile; health insurance
        // information; biometric data. Alone: username or email with password or other means of access.
        extra: ['tax_id', 'passport', 'government_id', ...MED, 'genetic', 'biometric'],
        alone: CRED,
        harm: true,
        harmTest:
          'after a reasonable investigation and consultation with the Office of the Attorney General and federal law enforcement, the breach will not likely result in harm to the individual',
        regulators: [ag(50, WITH, 'Office of the Attorney General for the District of Columbia')],
        creditMonitoring: { months: 18, elements: ['national_id', 'tax_id'] },
        individualContent: [
          'categories_of_data',
          'contact_point',
          'toll_free_numbers',
          'regulator_contacts',
          'security_freeze',
        ],
        contentSection: 'D.C. Code § 28-3852(a-1)',
      },
    },
  ],
  enactments: [
    {
      act: 'D.C. Law 16-237 (Consumer Personal Information Security Breach Notification Act of 2006)',
      effective: '2007-07-01',
    },
    { act: 'D.C. Law 23-98 (Security Breach Protection Amendment Act of 2019)', effective: '2020-06-08' },
  ],
  checked: [
    {
      fact: 'identity theft protection services at no cost for not less than 18 months to each District resident whose social security number or taxpayer identification number was released (28-3852.02)',
      url: REMEDIES,
      audience: 'individuals',
    },
  ],
  notes: [
    'D.C. Code § 28-3851(3): the elements count with a name, a phone number, an address or any other personal identifier, and combinations that would enable identity theft count without one (Breachline only models the name).',
    'D.C. Law 23-98: the Office of the Attorney General gives 8 June 2020 as the start; a summary gives 17 June 2020 (Breachline uses 8 June).',
    'The Attorney General threshold (50 or more), the agencies over 1,000, the content, the harm test and the substitute notice are from summaries and the OAG guidance, not the text.',
    'D.C. Code § 28-3851(3): an account or card number counts with any required code (Breachline does not model the code).',
  ],
};
