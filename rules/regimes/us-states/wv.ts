import type { StateLaw } from './types';
import { ET } from './shared';

const NOTICE = 'https://lexace.ai/us/statute/west-virginia/46A-2A-102';
const DEFINITIONS = 'https://lexace.ai/us/statute/west-virginia/46A-2A-101';

export const WV: StateLaw = {
  code: 'WV',
  citation: 'W. Va. Code §§ 46A-2A-101 to -105',
  url: NOTICE,
  zone: ET,
  // § 46A-2A-101(6) (summaries; the text was cut before the list): name with SSN, driver's licence or state ID card
  // issued in lieu of one, or a financial account or card number with any required code. Nothing beyond the baseline.
  extra: [],
  harm: true,
  harmTest: 'that the breach has not caused and will not cause identity theft or other fraud to any resident',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  // § 46A-2A-102(d)(1) read: the categories of information; (2)-(3) from the DWT and CLI summaries: a telephone number
  // or website to learn what information is held, and the credit agencies' toll-free numbers with how to place a fraud
  // alert or security freeze.
  individualContent: ['categories_of_data', 'contact_point', 'toll_free_numbers', 'fraud_alert', 'security_freeze'],
  contentSection: 'W. Va. Code § 46A-2A-102(d)',
  enactments: [{ act: '2008 act adding art. 2A to ch. 46A (date per the CLI summary)', effective: '2008-06-06' }],
  checked: [
    {
      fact: 'residents whose unencrypted and unredacted personal information was or is reasonably believed to have been accessed and acquired, where that causes or is reasonably believed to have caused or to cause identity theft or other fraud, without unreasonable delay (§ 46A-2A-102(a))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'notice is also due when encrypted information is accessed and acquired in unencrypted form or the breach involves a person with access to the encryption key (§ 46A-2A-102(b))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'the notice includes, to the extent possible, the categories of information reasonably believed accessed or acquired (§ 46A-2A-102(d)(1))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'an entity that maintains data it does not own or license notifies the owner or licensee as soon as practicable following discovery (§ 46A-2A-102(c))',
      url: NOTICE,
      audience: 'controller',
    },
    {
      fact: 'a breach is one that causes the entity to reasonably believe it has caused or will cause identity theft or other fraud; "encrypted" means a low probability of assigning meaning without a confidential process or key (§ 46A-2A-101(1), (3))',
      url: DEFINITIONS,
      audience: 'individuals',
    },
  ],
  notes: [
    'West Virginia: a financial account or card number counts only with any required security code, access code or password.',
    'West Virginia: unconfirmed against the text (summaries only): the list of personal information, the rest of the content of the notice, consumer reporting agencies above 1,000 residents, and substitute notice (cost over $50,000, more than 100,000 residents or insufficient contact information).',
  ],
};
