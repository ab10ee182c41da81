import type { StateLaw } from './types';
import { MED, CRED, PT, ag } from './shared';

const DEFINITIONS = 'https://app.leg.wa.gov/RCW/default.aspx?cite=19.255.005';
const EXTRA_2020: StateLaw['extra'] = [
  'date_of_birth',
  'electronic_signature',
  'government_id',
  'passport',
  ...MED,
  'biometric',
];

export const WA: StateLaw = {
  code: 'WA',
  citation: 'Wash. Rev. Code §§ 19.255.005, 19.255.010',
  url: 'https://app.leg.wa.gov/RCW/default.aspx?cite=19.255.010',
  zone: PT,
  // RCW 19.255.005(2)(a)(i): full date of birth; private key used to authenticate or sign an electronic record; student,
  // military or passport identification number; health insurance policy or identification number; medical history,
  // condition, diagnosis or treatment; biometric data. (ii): user name or email with password or security Q&A.
  extra: EXTRA_2020,
  alone: CRED,
  harm: true,
  harmTest: 'that the breach is not reasonably likely to subject consumers to a risk of harm',
  individuals: { days: 30, from: 'discovery' },
  regulators: [ag(501, { kind: 'fromDiscovery', days: 30 })],
  enactments: [
    { act: 'SB 6043 (2005)', effective: '2005-07-24' },
    { act: 'HB 1078 (2015): 45 days, Attorney General above 500', effective: '2015-07-24' },
    { act: 'HB 1071 (2019): 30 days, wider definition, login credentials', effective: '2020-03-01' },
  ],
  amendments: [
    {
      from: '2018-07-01',
      citation: 'Wash. Rev. Code § 19.255.010 as amended by HB 1078 (2015)',
      change: {
        extra: [],
        alone: [],
        individuals: { days: 45, from: 'discovery' },
        regulators: [ag(501, { kind: 'fromDiscovery', days: 45 })],
      },
    },
    {
      from: '2020-03-01',
      citation: 'Wash. Rev. Code §§ 19.255.005, 19.255.010',
      change: {
        extra: EXTRA_2020,
        alone: CRED,
        individuals: { days: 30, from: 'discovery' },
        regulators: [ag(501, { kind: 'fromDiscovery', days: 30 })],
      },
    },
  ],
  checked: [
    {
      fact: "personal information: first name or initial and last name with SSN; driver's licence or Washington ID card number; account or card number with any required code, or other information that can be used to access a financial account; full date of birth; private key used to authenticate or sign an electronic record; student, military or passport ID number; health insurance policy or ID number; medical history, condition, diagnosis or treatment; biometric data; or user name or email with password or security questions and answers (RCW 19.255.005(2)(a)(i)-(ii))",
      url: DEFINITIONS,
      audience: 'definition',
    },
  ],
  notes: [
    'Washington: a financial account or card number counts with any required security code, access code or password, or other information that can be used to access the account.',
    'Washington: RCW 19.255.005(2)(a)(iii) also covers the data elements without a name when they would enable identity theft (not modelled: Breachline counts them only with a name).',
    'Washington: unconfirmed against the text of RCW 19.255.010 (summaries only): the 30-day limits for residents and the Attorney General (45 before 2020-03-01), the Attorney General above 500 residents, the risk-of-harm exemption, the encryption safe harbour with its key exception, the content of the notice and substitute notice.',
  ],
};
