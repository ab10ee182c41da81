import type { StateLaw } from './types';
import { ET, WITH } from './shared';

// Read in the statute's text: S.C. Code § 39-1-90(A)-(B) (the section's text as reproduced by CLIC's library;
// the copy breaks off at (C)). Not read: the definitions in (D), the agency and CRA notices, substitute notice;
// those values come from summaries and stay unconfirmed.
const S90 =
  'https://cliclaw.com/library/state-laws/state-security-breach-laws/south-carolina-breach-security-business-data';

export const SC: StateLaw = {
  code: 'SC',
  citation: 'S.C. Code § 39-1-90',
  url: S90,
  zone: ET,
  // § 39-1-90(D): with a name, SSN; driver's licence or state ID card number; account/card number with any
  // required code; other numbers or information that may be used to access financial accounts; and "numbers or
  // information issued by a governmental or regulatory entity that uniquely will identify an individual" (Lewis
  // Brisbois and McAfee summaries; not read in the text): passport, other government ID and tax ID numbers.
  extra: ['passport', 'government_id', 'tax_id'],
  harm: true,
  harmTest:
    'that illegal use of the information has not occurred and is not reasonably likely to occur, and that its use creates no material risk of harm to the resident',
  individuals: {},
  regulators: [
    {
      key: 'consumer-affairs',
      name: 'Consumer Protection Division of the Department of Consumer Affairs',
      min: 1001,
      when: WITH,
    },
  ],
  cra: { min: 1001 },
  enactments: [
    { act: 'S.B. 453 (2008)', effective: '2009-07-01' },
    { act: 'H.B. 3248 (2013)', effective: '2013-04-23' },
  ],
  checked: [
    {
      fact: 'residents in the most expedient time possible and without unreasonable delay, when illegal use of the information has occurred or is reasonably likely to occur or its use creates a material risk of harm; encrypted or redacted data is excluded (39-1-90(A))',
      url: S90,
      audience: 'individuals',
    },
    {
      fact: 'a person maintaining data it does not own notifies the owner or licensee immediately following discovery (39-1-90(B))',
      url: S90,
      audience: 'controller',
    },
  ],
  notes: [
    'The statute covers computerized data "or other data", so paper records are included (39-1-90(A)).',
    'Account, credit or debit card numbers count only with any required security code, access code or password (not modelled).',
  ],
};
