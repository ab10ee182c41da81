import type { StateLaw } from './types';
import { CRED, ET, MED, WITH, ag } from './shared';

// Read in the statute's text: § 11-49.3-4(a)(1)-(2) as in force (lawserver.com; the copy breaks off within
// (a)(2)(ii)), the 2016 text of § 11-49.3-4(a)-(b) (global-regulation.com), and § 11-49.3-3(a)(1)-(6)
// (law.counselstack.com; the copy breaks off before the list of personal information). Not read: the covered
// elements, substitute notice and the content list of § 11-49.3-4(d), which come from summaries.
const S4 = 'https://lawserver.com/law/state/rhode-island/ri-laws/rhode_island_general_laws_11-49-3-4';
const S4_2016 =
  'https://www.global-regulation.com/law/united-states/1004572/11-49.3-4notification-of-breach.-%25255beffective-july-2%25252c-2016.%25255d.-.html';
const S3 = 'https://law.counselstack.com/statute/ri/11-49.3-3';

export const RI: StateLaw = {
  code: 'RI',
  citation: 'R.I. Gen. Laws §§ 11-49.3-1 to -6',
  url: S4,
  zone: ET,
  // § 11-49.3-3 lists, with a name: SSN; driver's licence, Rhode Island identification card or tribal identification
  // number; account/card number with any required code or PIN; medical information; health insurance information;
  // and an email address with any required security code, access code or password that would permit access to a
  // personal, medical, insurance or financial account (Snell & Wilmer and Lewis Brisbois summaries; not read in the
  // text). The email-and-password element needs the name, so it moved from `alone` to `extra`; a passport is not
  // listed (the passport the entry had was over-included, issue 13).
  extra: [...MED, ...CRED],
  encryption: { keyException: true, section: 'R.I. Gen. Laws § 11-49.3-3(a)(4)' },
  harm: true,
  harmTest: 'that the breach does not pose a significant risk of identity theft',
  individuals: { days: 45, from: 'determination' },
  regulators: [ag(501, WITH)],
  cra: { min: 501 },
  // § 11-49.3-4(d), as quoted by wordsbywit.com and summarised by Snell & Wilmer (not read in the text).
  individualContent: [
    'nature',
    'approximate_people',
    'categories_of_data',
    'occurred_at',
    'discovered_at',
    'remedies',
    'toll_free_numbers',
    'regulator_contacts',
    'police_report',
    'security_freeze',
  ],
  contentSection: 'R.I. Gen. Laws § 11-49.3-4(d)',
  enactments: [{ act: 'Identity Theft Protection Act of 2015 (P.L. 2015, ch. 138 and 148)', effective: '2016-07-02' }],
  checked: [
    {
      fact: 'individuals in the most expedient time possible and no later than 45 calendar days after confirmation of the breach (a determination clock), when the breach poses a significant risk of identity theft (11-49.3-4(a)(1)-(2))',
      url: S4,
      audience: 'individuals',
    },
    {
      fact: 'data is not encrypted if it is acquired with any key, security code or password that would permit access to it (11-49.3-3(a)(4))',
      url: S3,
      audience: 'individuals',
    },
    {
      fact: 'attorney general told of the timing, content and distribution of the notices and the approximate number affected when more than 500 residents are to be notified, without delaying the notice to residents (11-49.3-4(a)(2), 2016 text)',
      url: S4_2016,
      audience: 'regulator',
    },
    {
      fact: 'major credit reporting agencies told of the timing, content and distribution of the notices when more than 500 residents are to be notified (11-49.3-4(a)(2), 2016 text)',
      url: S4_2016,
      audience: 'credit_agencies',
    },
  ],
  notes: [
    'The notice says how the breach occurred and how many were affected, the type of information, the date or range of dates of the breach and the date it was discovered, the remediation services offered with toll-free numbers and websites of the credit reporting agencies, remediation providers and the attorney general, and how to obtain a police report and request a security freeze (§ 11-49.3-4(d), from a quotation).',
    'Account, credit or debit card numbers count only with any required security code, access code, password or PIN (not modelled).',
    'The current § 11-49.3-4(a)(2)(ii) keeps 45 days for persons other than state and municipal agencies (read); whether it still sets the attorney general and agency notices at "more than 500" for them was read only in the 2016 text.',
  ],
};
