import type { StateLaw } from './types';
import { ET } from './shared';

// Read in the statute's text: Tenn. Code § 47-18-2107(a)(1)-(3) as amended in 2016-2017 (law.justia.com, 2020
// code; the copy breaks off within the definition of personal information) and the 2005 text of (a)(3)
// (law.justia.com, 2010 code). Not read: subsections (b)-(g) (deadline, processor, law enforcement, consumer
// reporting agencies, substitute notice); the 45-day deadline is quoted only by wordsbywit.com and Bass Berry.
const S2107 = 'https://law.justia.com/codes/tennessee/2020/title-47/chapter-18/part-21/section-47-18-2107';

export const TN: StateLaw = {
  code: 'TN',
  citation: 'Tenn. Code § 47-18-2107',
  url: S2107,
  zone: ET,
  // (a)(3) in the 2005 text: name with SSN, driver licence number, or account/card number with any required code.
  extra: [],
  harm: false,
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  cra: { min: 1001 },
  enactments: [
    { act: 'H.B. 2170 (2005)', effective: '2005-07-01' },
    { act: 'S.B. 2005 (2016)', effective: '2016-07-01' },
    { act: 'S.B. 547 (2017)', effective: '2017-04-04' },
  ],
  checked: [
    {
      fact: 'a breach is the acquisition by an unauthorized person of unencrypted data, or of encrypted data and the encryption key, that materially compromises the security, confidentiality or integrity of personal information; the definition has no risk-of-harm test (47-18-2107(a)(1))',
      url: S2107,
      audience: 'individuals',
    },
  ],
  notes: [
    'A person maintaining data for an information holder notifies it immediately, and no later than 45 days from discovery (summaries of § 47-18-2107(c); not read, not modelled as an outer limit).',
    'Account, credit or debit card numbers count only with any required security code, access code or password (not modelled).',
  ],
};
