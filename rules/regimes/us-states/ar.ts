import type { StateLaw } from './types';
import { CT_, ag } from './shared';

const S105 =
  'https://getpocketlaw.com/law/state_arkansas/section-4-110-105-disclosure-of-security-breaches_d8c966436fc7';
const S103 = 'https://lexace.ai/us/statute/arkansas/4-110-103';

export const AR: StateLaw = {
  code: 'AR',
  citation: 'Ark. Code §§ 4-110-101 to -108',
  url: S103,
  zone: CT_,
  // § 4-110-103(7) (the list read only in the Hyperproof and Perkins Coie summaries): name with SSN; driver's licence
  // or state ID; account or card number with any required code; medical information. § 4-110-103(5) (read in the
  // text) defines medical information as medical history, treatment or diagnosis: health insurance numbers are not
  // covered. Biometric data was added by Act 1030 of 2019 (below).
  extra: ['health'],
  harm: true,
  harmTest: 'after a reasonable investigation there is no reasonable likelihood of harm to customers',
  individuals: {},
  regulators: [],
  // § 4-110-105(e) substitute notice (Mintz summary, not read in the text).
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notice to major statewide media',
    section: 'Ark. Code § 4-110-105(e)',
  },
  amendments: [
    {
      from: '2019-07-23',
      citation: 'Ark. Code §§ 4-110-101 to -108 (as amended by Act 1030 of 2019, HB 1943)',
      change: {
        extra: ['health', 'biometric'],
        regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
      },
    },
  ],
  enactments: [
    { act: 'Act 1526 of 2005 (SB 1167), Personal Information Protection Act', effective: '2005-08-12' },
    { act: 'Act 1030 of 2019 (HB 1943): Attorney General notice, biometric data', effective: '2019-07-23' },
  ],
  checked: [
    {
      fact: 'residents whose unencrypted personal information was, or is reasonably believed to have been, acquired, in the most expedient time and manner possible and without unreasonable delay (4-110-105(a))',
      url: S105,
      audience: 'individuals',
    },
    {
      fact: 'a person or business maintaining data it does not own notifies the owner or licensee immediately following discovery (4-110-105(b)(1))',
      url: S105,
      audience: 'controller',
    },
    {
      fact: 'Attorney General when the breach affects more than 1,000 individuals, at the same time as the individuals or within 45 days after determining a reasonable likelihood of harm, whichever occurs first (4-110-105(b)(2))',
      url: S105,
      audience: 'regulator',
    },
    {
      fact: 'notification may be delayed if a law enforcement agency determines that it will impede a criminal investigation (4-110-105(c))',
      url: S105,
      audience: 'all',
    },
  ],
  notes: [
    'Ark. Code § 4-110-105(b)(2): the Attorney General notice is due at the time residents are notified or within 45 days of the determination of a reasonable likelihood of harm, whichever is first; Breachline shows the 45-day limit.',
    'Ark. Code § 4-110-103(7): an account or card number counts with any required security code, access code or password (Breachline does not model the code; from a summary).',
    'No notice to consumer reporting agencies is required by the Arkansas statute.',
  ],
};
