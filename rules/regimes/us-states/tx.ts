import type { StateLaw } from './types';
import { CT_, ag } from './shared';

// Read in the statute's text: Tex. Bus. & Com. Code § 521.053(a)-(b) as in force (lawserver.com),
// § 521.002(a)(1)-(2)(B)(i) (the text reproduced by CLIC's library) and § 521.053(i) as it stood from 2020 to
// August 2023 (quoted in H.B. 4761). Not read: § 521.053(c)-(h) (processor, law enforcement, substitute notice,
// consumer reporting agencies) and S.B. 768's wording; those values come from Davis Wright Tremaine's and Perkins
// Coie's summaries.
const S053 = 'https://lawserver.com/law/state/texas/tx-codes/texas_business_and_commerce_code_521-053';
const S002 = 'https://cliclaw.com/node/7138';
// H.B. 4761 (2023, not enacted) quotes § 521.053(i) as H.B. 4390 left it, with "[60th]" as the words in force.
const HB4761 = 'https://legiscan.com/TX/text/HB4761/id/2736534/Texas-2023-HB4761-Introduced.html';

const BASE_CHECKED: NonNullable<StateLaw['checked']> = [
  {
    fact: 'sensitive personal information: first name or initial and last name with SSN; driver licence number or government-issued identification number; or account, credit or debit card number with any required security code, access code or password; or information that identifies an individual and relates to physical or mental health (521.002(a)(2))',
    url: S002,
    audience: 'definition',
  },
  {
    fact: 'a breach includes encrypted data when the person accessing it has the key; no risk-of-harm test (521.053(a)-(b))',
    url: S053,
    audience: 'individuals',
  },
];

const H4390_CHECKED: NonNullable<StateLaw['checked']> = [
  ...BASE_CHECKED,
  {
    fact: 'individuals without unreasonable delay and not later than the 60th day after the date on which the person determines that the breach occurred (521.053(b))',
    url: S053,
    audience: 'individuals',
  },
];

export const TX: StateLaw = {
  code: 'TX',
  citation: 'Tex. Bus. & Com. Code § 521.053',
  url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm',
  zone: CT_,
  // 521.002(a)(2)(A)(ii): a driver's licence number or government-issued identification number (passport, other
  // government and tax ID numbers) counts with a name. 521.002(a)(2)(B): information that identifies an individual
  // and relates to physical or mental health, or (from summaries) the provision of or payment for health care,
  // needs no name: it counts whenever the information identifies the individual, so health also counts alone.
  extra: ['health', 'passport', 'government_id', 'tax_id'],
  alone: ['health'],
  harm: false,
  // Before H.B. 4390: "as quickly as possible" (the 2012 text of 521.053(b) as quoted by shawnetuma.com).
  individuals: {},
  regulators: [],
  cra: { min: 10001 },
  enactments: [
    { act: 'H.B. 2278 (2007)', effective: '2009-04-01' },
    { act: 'H.B. 4390 (2019)', effective: '2020-01-01' },
    { act: 'S.B. 768 (2023)', effective: '2023-09-01' },
  ],
  checked: BASE_CHECKED,
  amendments: [
    {
      from: '2020-01-01',
      citation: 'Tex. Bus. & Com. Code § 521.053 as amended by H.B. 4390 (2019)',
      change: {
        individuals: { days: 60, from: 'determination' },
        regulators: [ag(250, { kind: 'fromDetermination', days: 60 })],
        checked: [
          ...H4390_CHECKED,
          {
            fact: 'Attorney General notified not later than the 60th day after the date on which the person determines that the breach occurred, if the breach involves at least 250 residents of this state (521.053(i) before S.B. 768)',
            url: HB4761,
            audience: 'regulator',
          },
        ],
      },
    },
    {
      // S.B. 768: "as soon as practicable and not later than the 30th day" (Davis Wright Tremaine, Perkins Coie; the
      // amended wording was not read, so the Attorney General notice is unconfirmed from this date).
      from: '2023-09-01',
      citation: 'Tex. Bus. & Com. Code § 521.053 as amended by S.B. 768 (2023)',
      change: { regulators: [ag(250, { kind: 'fromDetermination', days: 30 })], checked: H4390_CHECKED },
    },
  ],
  notes: [
    "The Attorney General's own guidance counts the 30 days from discovery of the breach; the summaries of 521.053(i) count them from the determination (Breachline's reading, unconfirmed).",
    'Account, credit or debit card numbers count only with any required security code, access code or password (not modelled).',
  ],
};
