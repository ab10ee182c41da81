import type { StateLaw } from './types';
import { CRED, CT_, ag, WITH } from './shared';

const S803 = 'https://self-law.org/code/ne/chapter-87/87-803';
const S802 = 'https://legalfix.com/statutes/state-codes/nebraska/chapter-87/statute-87-802';

export const NE: StateLaw = {
  code: 'NE',
  citation: 'Neb. Rev. Stat. §§ 87-801 to -808',
  url: S803,
  zone: CT_,
  // § 87-802(5) (read only as quoted by the University of Nebraska Kearney and the AICPA, not on a statute copy):
  // name with SSN; motor vehicle operator's licence or state ID card number; account or card number with any
  // required code permitting access to the financial account; unique electronic identification number or routing
  // code with any required code; unique biometric data; or a user name or email address with a password or
  // security question and answer permitting access to an online account, alone.
  extra: ['biometric'],
  alone: CRED,
  // § 87-802(3): data is not encrypted if the confidential process or key was or is reasonably believed to have been
  // acquired in the breach.
  encryption: { keyException: true, section: 'Neb. Rev. Stat. § 87-802(1), (3)' },
  harm: true,
  harmTest:
    'that the use of the information for an unauthorized purpose has not occurred and is not reasonably likely to occur',
  individuals: {},
  regulators: [ag(1, WITH)],
  // § 87-802(4)(d), not read on a statute copy (the stored pages stop before it): the well-known values from
  // breach charts. § 87-802(4)(e) also lets a small entity use a local newspaper, not modelled.
  substitute: {
    costOver: 75000,
    peopleOver: 100000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notice to major statewide media outlets',
    section: 'Neb. Rev. Stat. § 87-802(4)(d)',
  },
  enactments: [
    { act: 'LB 876 (2006)', effective: '2006-07-14' },
    { act: 'LB 835 (2016): Attorney General notice, online credentials', effective: '2016-07-21' },
  ],
  checked: [
    {
      fact: 'encrypted data is outside the breach definition, but data is not encrypted if the confidential process or key was or is reasonably believed to have been acquired in the breach (87-802(1), (3))',
      url: S802,
      audience: 'individuals',
    },
    {
      fact: 'after a reasonable and prompt investigation, residents are notified as soon as possible and without unreasonable delay, unless use of the information for an unauthorized purpose has not occurred and is not reasonably likely to occur (87-803(1))',
      url: S803,
      audience: 'individuals',
    },
    {
      fact: 'the Attorney General is notified not later than the time when notice is provided to the residents, whenever notice to residents is required (87-803(2))',
      url: S803,
      audience: 'regulator',
    },
    {
      fact: 'a person maintaining data it does not own or license gives notice to and cooperates with the owner or licensee, no fixed number of days (87-803(3))',
      url: S803,
      audience: 'controller',
    },
  ],
  notes: [
    'Neb. Rev. Stat. § 87-802(5): an account or card number counts only with any required security code, access code or password permitting access to the account; a unique electronic identification number or routing code with its code also counts (no data element for it).',
    'Neb. Rev. Stat. § 87-802(5) was read only as quoted by secondary sources, and the substitute-notice values of § 87-802(4)(d) and the law enforcement delay of § 87-803(4) come from breach charts: unconfirmed.',
  ],
};
