import type { StateLaw } from './types';
import { MT_, ag } from './shared';

const S2 = 'https://codes.findlaw.com/nm/chapter-57-trade-practices-and-regulations/nm-st-sect-57-12c-2/';
const S7 = 'https://law.justia.com/codes/new-mexico/2019/chapter-57/article-12c/section-57-12c-7/';
const S9 = 'https://instalawyer.io/laws/new-mexico-statutes/section-57-12c-9-delayed-notification';
const S10 = 'https://codes.findlaw.com/nm/chapter-57-trade-practices-and-regulations/nm-st-sect-57-12c-10/';

export const NM: StateLaw = {
  code: 'NM',
  citation: 'N.M. Stat. §§ 57-12C-1 to -12',
  url: S2,
  zone: MT_,
  // § 57-12C-2(C)(1): name with SSN; driver's license number; government-issued identification number (passports,
  // other government ID numbers and ITINs among them, the conservative reading); account or card number with any
  // required code; biometric data.
  extra: ['government_id', 'passport', 'tax_id', 'biometric'],
  // § 57-12C-2(D): acquisition of encrypted data together with the confidential process or key is a breach.
  encryption: { keyException: true, section: 'N.M. Stat. § 57-12C-2(B), (D)' },
  harm: true,
  // § 57-12C-6, not read on a statute copy: the chart's wording.
  harmTest:
    'after an appropriate investigation, that the breach does not give rise to a significant risk of identity theft or fraud',
  // § 57-12C-6(A), not read on a statute copy; § 57-12C-10 (read) ties the Attorney General's copy of the notice to
  // 45 calendar days following discovery.
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(1001, { kind: 'fromDiscovery', days: 45 })],
  cra: { min: 1001 },
  individualContent: [
    'contact_point',
    'categories_of_data',
    'occurred_at',
    'nature',
    'toll_free_numbers',
    'steps_for_individuals',
    'remedies',
  ],
  contentSection: 'N.M. Stat. § 57-12C-7',
  // § 57-12C-6, not read on a statute copy: values recalled from breach charts.
  substitute: {
    costOver: 100000,
    peopleOver: 50000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major media outlets in New Mexico',
    section: 'N.M. Stat. § 57-12C-6(D)',
  },
  enactments: [{ act: 'Laws 2017, ch. 36 (HB 15), Data Breach Notification Act', effective: '2017-06-16' }],
  checked: [
    {
      fact: "personal identifying information: first name or initial and last name with SSN; driver's license number; government-issued identification number; account, credit or debit card number with any required code permitting access to the financial account; biometric data (57-12C-2(C))",
      url: S2,
      audience: 'definition',
    },
    {
      fact: 'a security breach is the acquisition of unencrypted data, or of encrypted data together with the confidential process or key used to decrypt it (57-12C-2(D))',
      url: S2,
      audience: 'individuals',
    },
    {
      fact: "the notice to residents contains the notifying person's name and contact information, the types of information, the date or range of dates of the breach, a general description, the consumer reporting agencies' toll-free numbers and addresses, advice to review account statements and credit reports, and the recipient's rights under the Fair Credit Reporting Act (57-12C-7)",
      url: S7,
      audience: 'individuals',
    },
    {
      fact: 'notification may be delayed if a law enforcement agency determines that it will impede a criminal investigation, or as necessary to determine the scope of the breach and restore the system (57-12C-9)',
      url: S9,
      audience: 'all',
    },
    {
      fact: 'when more than one thousand residents are notified for a single breach, the Attorney General is notified of the number notified, with a copy of the notice, within forty-five calendar days following discovery (57-12C-10)',
      url: S10,
      audience: 'regulator',
    },
    {
      fact: 'when more than one thousand residents are notified for a single breach, the nationwide consumer reporting agencies are notified in the most expedient time possible and no later than forty-five calendar days (57-12C-10)',
      url: S10,
      audience: 'credit_agencies',
    },
  ],
  notes: [
    'N.M. Stat. § 57-12C-2(C): an account or card number counts only with any required security code, access code or password.',
    'N.M. Stat. § 57-12C-6 (residents within 45 calendar days of discovery, the significant-risk test, the service provider notifying the owner within 45 days, substitute notice) was not read on a statute copy: unconfirmed chart values. § 57-12C-8 exempts persons subject to GLBA or HIPAA (not modelled).',
  ],
};
