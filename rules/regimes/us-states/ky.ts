import type { StateLaw } from './types';
import { ET } from './shared';

const TEXT =
  'https://proteuscyber.com/privacy-database/news/4565-kentucky-notification-to-affected-persons-of-computer-security-breach-ky-rev-stat-365732';

export const KY: StateLaw = {
  code: 'KY',
  citation: 'Ky. Rev. Stat. § 365.732',
  url: TEXT,
  zone: ET,
  // § 365.732(1)(c): name with SSN, driver's licence number, or account or card number with its code; nothing beyond
  // the baseline (no passport).
  extra: [],
  // § 365.732(1)(a): a breach is the acquisition of unencrypted and unredacted data; the key is not mentioned.
  encryption: { keyException: false, section: 'Ky. Rev. Stat. § 365.732(1)(a)' },
  harm: true,
  harmTest:
    'that the acquisition has not caused and will not cause identity theft or fraud against any Kentucky resident (no "breach of the security of the system" under § 365.732(1)(a))',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  // Unconfirmed (§ 365.732(5), from the TekRisq chart).
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means:
      'email where addresses are held, conspicuous posting on the website, and notification to major statewide media',
    section: 'Ky. Rev. Stat. § 365.732(5)',
  },
  enactments: [{ act: 'HB 232 (2014)', effective: '2014-07-15' }],
  checked: [
    {
      fact: 'personally identifiable information: first name or initial and last name with a Social Security number, driver’s license number, or account, credit or debit card number with any required security code, access code or password, when the name or element is not redacted; a breach concerns unencrypted and unredacted data and the key is not mentioned (§ 365.732(1)(a), (c))',
      url: TEXT,
      audience: 'definition',
    },
    {
      fact: 'a breach is an acquisition that actually causes, or leads the information holder reasonably to believe has caused or will cause, identity theft or fraud against a Kentucky resident; residents are told in the most expedient time possible and without unreasonable delay following discovery or notification of the breach (§ 365.732(1)(a), (2))',
      url: TEXT,
      audience: 'individuals',
    },
  ],
  notes: [
    'Ky. Rev. Stat. § 365.732(1)(c)2: the statute names the driver’s license number only, not a state identification card.',
    'Ky. Rev. Stat. § 365.732(1)(c)3: an account or card number counts only with any required code or password (Breachline does not model codes).',
    'Unconfirmed against the text (the stored copy was read to subsection (2) only): the immediate notice by a holder maintaining data for its owner (3), the law enforcement delay without a written request (4), substitute notice (5), and consumer reporting agencies when more than 1,000 persons are notified at one time (7) — WordsByWit, Perkins Coie and TekRisq.',
    'The HB 232 effective date (2014-07-15) comes from the Perkins Coie chart.',
  ],
};
