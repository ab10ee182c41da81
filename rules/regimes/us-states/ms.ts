import type { StateLaw } from './types';
import { CT_ } from './shared';

// The text of § 75-24-29(1)-(2) as reproduced (Mississippi Code 1972 Annotated) on the CLIC library page.
const DEF =
  'https://cliclaw.com/library/state-laws/state-security-breach-laws/mississippi-act-require-notice-breach-security';

export const MS: StateLaw = {
  code: 'MS',
  citation: 'Miss. Code § 75-24-29',
  url: DEF,
  zone: CT_,
  // § 75-24-29(2)(b)(ii): a tribal identification card number counts with a name.
  extra: ['government_id'],
  // § 75-24-29(2)(a): a breach is acquisition "when access to the personal information has not been secured by
  // encryption or by any other method or technology that renders the personal information unreadable or unusable";
  // no word on the key.
  encryption: { keyException: false, section: 'Miss. Code § 75-24-29(2)(a)' },
  harm: true,
  harmTest: 'after an appropriate investigation, the breach will not likely result in harm to the affected individuals',
  individuals: {},
  regulators: [],
  enactments: [{ act: 'H.B. 582 (2010)', effective: '2011-07-01' }],
  checked: [
    {
      fact: "personal information: first name or first initial and last name with a Social Security number; a driver's license, state identification card or tribal identification card number; or an account, credit or debit card number with any required security code, access code or password (Miss. Code § 75-24-29(2)(b)); a breach is unauthorized acquisition when access has not been secured by encryption or another method making the data unreadable or unusable (§ 75-24-29(2)(a))",
      url: DEF,
      audience: 'definition',
    },
  ],
  notes: [
    'Miss. Code § 75-24-29(2)(b)(iii): an account or card number counts only with any required security code, access code or password.',
    'Unconfirmed (summaries quoting § 75-24-29(3)-(6)): notice without unreasonable delay after the investigation; no notice when the breach will not likely result in harm; a third party tells the owner as soon as practicable; law enforcement delay; substitute notice thresholds.',
  ],
};
