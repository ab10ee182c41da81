import type { StateLaw } from './types';
import { MED, CRED, ag } from './shared';

const S552 = 'https://lawserver.com/law/state/arizona/az-laws/arizona_laws_18-552';
const S551 = 'https://cliclaw.com/node/384';
const AZ_AG = ag(1001, { kind: 'fromDetermination', days: 45 });

export const AZ: StateLaw = {
  code: 'AZ',
  citation: 'Ariz. Rev. Stat. §§ 18-551 to -552',
  url: S551,
  zone: 'America/Phoenix',
  // Before HB 2154 (in force 2018-08-03) the law was former § 44-7501 (from the summaries: name with SSN, driver's
  // or nonoperating ID licence, account or card number with its code; notice in the most expedient manner; no
  // Attorney General or agency notice; no notice without substantial economic loss).
  extra: [],
  harm: true,
  harmTest:
    'the breach has not caused and is not reasonably likely to cause substantial economic loss to an individual',
  individuals: {},
  regulators: [],
  amendments: [
    {
      from: '2018-08-03',
      citation: 'Ariz. Rev. Stat. §§ 18-551 to -552 (HB 2154, 2018)',
      change: {
        // § 18-551 specified data elements (read only in the DWT, Mintz and CLIC summaries): SSN; driver's or
        // nonoperating ID licence; private key used to sign electronic records; account or card number with any
        // required code; health insurance ID; medical or mental health information; passport; taxpayer ID or IRS
        // identity protection PIN; biometric data used to access an online account. Alone: username or email with
        // password or security question and answer.
        extra: ['electronic_signature', 'passport', 'tax_id', ...MED, 'biometric'],
        alone: CRED,
        harmTest:
          'the person, an independent third-party forensic auditor or a law enforcement agency determines after a reasonable investigation that the breach has not resulted in and is not reasonably likely to result in substantial economic loss to affected individuals',
        individuals: { days: 45, from: 'determination' },
        regulators: [AZ_AG],
        cra: { min: 1001 },
        substitute: {
          costOver: 50000,
          peopleOver: 100000,
          noContact: true,
          means:
            'a written letter to the Attorney General demonstrating the facts, and a conspicuous posting on the website for at least 45 days',
          section: 'Ariz. Rev. Stat. § 18-552(F)',
        },
        individualContent: ['occurred_at', 'categories_of_data', 'toll_free_numbers', 'regulator_contacts'],
        contentSection: 'Ariz. Rev. Stat. § 18-552(E)',
      },
    },
    {
      from: '2022-09-24',
      citation: 'Ariz. Rev. Stat. §§ 18-551 to -552 (as amended by HB 2146, 2022)',
      change: {
        regulators: [
          AZ_AG,
          {
            key: 'dhs',
            name: 'Director of the Arizona Department of Homeland Security',
            min: 1001,
            when: { kind: 'fromDetermination', days: 45 },
          },
        ],
      },
    },
  ],
  enactments: [
    { act: 'Laws 2006, ch. 232 (SB 1338), former § 44-7501', effective: '2006-12-31' },
    { act: 'Laws 2018, ch. 177 (HB 2154)', effective: '2018-08-03' },
    { act: 'Laws 2022 (HB 2146): Department of Homeland Security notice', effective: '2022-09-24' },
  ],
  checked: [
    {
      fact: 'a person that becomes aware of a security incident conducts an investigation to promptly determine whether there has been a security system breach (18-552(A))',
      url: S552,
      audience: 'individuals',
    },
  ],
  notes: [
    'Ariz. Rev. Stat. § 18-551(1): a breach is the unauthorized acquisition of and access to unencrypted and unredacted computerized personal information (read in the text); whether a compromised key defeats the safe harbour was not read.',
    'Ariz. Rev. Stat. § 18-552: an account or card number counts with any required security code, access code or password (Breachline does not model the code; from summaries).',
    'HB 2146 (2022): summaries give 22 or 23 July 2022 as the start of the Homeland Security notice; Breachline uses 24 September 2022, 91 days after the session adjourned (unconfirmed).',
    'Ariz. Rev. Stat. § 18-552: the 45 days, the Attorney General, Homeland Security and agency notices over 1,000, the content and the substitute notice are from the House summary of HB 2146 and law-firm summaries, not the text.',
  ],
};
