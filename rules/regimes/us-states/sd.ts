import type { StateLaw } from './types';
import { CRED, CT_, MED, ag, WITH } from './shared';

// Read in the statute's text: S.D. Codified Laws §§ 22-40-19(1)-(4), 22-40-20 and 22-40-22 (instalawyer.io,
// self-law.org and lexace.ai copies). Not read: 22-40-19(5) ("protected information"), 22-40-21 (law enforcement),
// the consumer-reporting-agency notice and the processor's duty; those values come from summaries.
const S19 = 'https://instalawyer.io/laws/south-dakota-codified-laws/section-22-40-19-definition-of';
const S20 = 'https://self-law.org/code/sd/title-22/chapter-22-40/22-40-20';
const S22 = 'https://lexace.ai/us/statute/south-dakota/22-40-22';

export const SD: StateLaw = {
  code: 'SD',
  citation: 'S.D. Codified Laws §§ 22-40-19 to -26',
  url: S20,
  zone: CT_,
  // § 22-40-19(4): "other unique identification number created or collected by a government body" covers passport,
  // other government ID and tax ID numbers; health information as defined in 45 CFR 160.103 (which includes
  // information on payment for health care, hence health insurance numbers); an employer-assigned identification
  // number with any required code, password or biometric data. Biometric data alone is not listed: it was
  // over-included. Username or email with password alone is "protected information" (22-40-19(5), from the Wolters
  // Kluwer and Baker summaries).
  extra: ['passport', 'government_id', 'tax_id', ...MED, 'employee_id'],
  alone: CRED,
  harm: true,
  harmTest: 'that the breach will not likely result in harm to the affected person',
  individuals: { days: 60, from: 'discovery' },
  regulators: [{ ...ag(251, WITH), onNoHarm: true }],
  // Consumer reporting agencies for any notice (Davis Wright Tremaine, CSRPS); not read in the text.
  cra: { min: 1 },
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to statewide media',
    section: 'S.D. Codified Laws § 22-40-22(3)',
  },
  enactments: [{ act: 'S.B. 62 (2018)', effective: '2018-07-01' }],
  checked: [
    {
      fact: 'personal information: first name or initial and last name with SSN; driver licence or other unique identification number created or collected by a government body; account, credit or debit card number with any required code, password, routing number or PIN; health information as defined in 45 CFR 160.103; or an employer-assigned identification number with any required code, password or biometric data (22-40-19(4))',
      url: S19,
      audience: 'definition',
    },
    {
      fact: 'a breach is the acquisition of unencrypted data, or of encrypted data and the encryption key (22-40-19(1))',
      url: S19,
      audience: 'individuals',
    },
    {
      fact: 'residents not later than 60 days from the discovery or notification of the breach; no notice if, after an appropriate investigation and notice to the attorney general, the holder reasonably determines the breach will not likely result in harm, documented in writing and kept three years (22-40-20)',
      url: S20,
      audience: 'individuals',
    },
    {
      fact: 'attorney general told, by mail or email, of any breach that exceeds 250 residents, and before relying on the no-harm determination (22-40-20)',
      url: S20,
      audience: 'regulator',
    },
    {
      fact: 'substitute notice when the cost would exceed $250,000, the class exceeds 500,000 persons or contact information is insufficient: email, website posting and statewide media (22-40-22(3))',
      url: S22,
      audience: 'individuals',
    },
  ],
  notes: [
    'An employer-assigned identification number counts only with a required security code, access code, password or biometric data, and an account or card number only with a required code, password, routing number or PIN (22-40-19(4); codes not modelled).',
  ],
};
