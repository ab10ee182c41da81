import type { StateLaw } from './types';
import { PT } from './shared';

const S040 =
  'https://instalawyer.io/laws/nevada-revised-statutes/chapter-603a-security-and-nrs-603a040-personal-information';
const S220 =
  'https://casetext.com/statute/nevada-revised-statutes/title-52-trade-regulations-and-practices/chapter-603a-security-and-privacy-of-personal-information/security-of-information-maintained-by-data-collectors-and-other-businesses/regulation-of-business-practices/section-603a220-disclosure-of-breach-of-security-of-system-data-methods-of-disclosure';

export const NV: StateLaw = {
  code: 'NV',
  citation: 'Nev. Rev. Stat. §§ 603A.010-.290',
  url: S220,
  zone: PT,
  // NRS 603A.040(1): name with SSN; driver's licence, driver authorization card or identification card number; account
  // or card number with any required code; a medical identification number or health insurance identification
  // number; a user name, unique identifier or email address with a password, access code or security question and
  // answer for an online account. Every element counts only with the name: the credentials are item (e) of the list.
  extra: ['health_insurance', 'account_credentials'],
  // NRS 603A.040(1), 603A.220(1): only unencrypted personal information; neither section mentions the key.
  encryption: { keyException: false, section: 'Nev. Rev. Stat. §§ 603A.040(1), 603A.220(1)' },
  harm: false,
  individuals: {},
  regulators: [],
  // NRS 603A.220(6), not read (the stored copies stop at subsection 4): the chart's "more than 1,000 persons at one
  // time".
  cra: { min: 1001 },
  // NRS 603A.220(4)(c), not read (the stored copies stop at its first words): the chart values.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'Nev. Rev. Stat. § 603A.220(4)(c)',
  },
  enactments: [
    { act: 'SB 347 (2005), NRS ch. 603A', effective: '2006-01-01' },
    { act: 'AB 179 (2015): medical and health insurance numbers, online credentials', effective: '2015-07-01' },
  ],
  checked: [
    {
      fact: "personal information: first name or initial and last name with SSN; driver's licence, driver authorization card or identification card number; account, credit or debit card number with any required code permitting access to the financial account; medical identification or health insurance identification number; user name, unique identifier or email address with a password, access code or security question and answer for an online account (NRS 603A.040(1))",
      url: S040,
      audience: 'definition',
    },
    {
      fact: 'every resident whose unencrypted personal information was, or is reasonably believed to have been, acquired is notified in the most expedient time possible and without unreasonable delay, with no risk-of-harm exemption (NRS 603A.220(1))',
      url: S220,
      audience: 'individuals',
    },
    {
      fact: 'a data collector maintaining data it does not own notifies the owner or licensee immediately following discovery (NRS 603A.220(2))',
      url: S220,
      audience: 'controller',
    },
    {
      fact: 'notification may be delayed if a law enforcement agency determines that it will impede a criminal investigation, and is made once the agency determines it will not compromise the investigation (NRS 603A.220(3))',
      url: S220,
      audience: 'all',
    },
  ],
  notes: [
    "Nev. Rev. Stat. § 603A.040: an account or card number counts only with any required security code, access code or password; the last four digits of an SSN, driver's licence, driver authorization card or identification card number do not count.",
    'Nev. Rev. Stat. § 603A.220(4)(c) (substitute notice) and (6) (consumer reporting agencies) were not read on a statute copy: unconfirmed chart values.',
  ],
};
