import type { StateLaw } from './types';
import { ET } from './shared';

const NOTICE = 'https://law.justia.com/codes/georgia/2016/title-10/chapter-1/article-34/section-10-1-912';
const DEF_QUOTE = 'https://speakerdeck.com/player/858093d0cee60131a8cb564ad4407ede';

export const GA: StateLaw = {
  code: 'GA',
  citation: 'Ga. Code §§ 10-1-910 to -912',
  url: NOTICE,
  zone: ET,
  // § 10-1-911(6)(D): account passwords, personal identification numbers or other access codes count with a name.
  extra: ['account_credentials'],
  // § 10-1-911(6): "when either the name or the data elements are not encrypted or redacted"; the key is not mentioned.
  encryption: { keyException: false, section: 'Ga. Code § 10-1-911(6)' },
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 10001 },
  processorHours: 24,
  // Unconfirmed (§ 10-1-911(4)(D); the stored copies of § 10-1-911 stop at (4)(C)). TekRisq's page gives both
  // $50,000 / 100,000 (its text) and $250,000 / 500,000 (its table); the lower figures are kept.
  substitute: {
    costOver: 50000,
    peopleOver: 100000,
    noContact: true,
    means:
      'e-mail notice where an e-mail address is held, conspicuous posting on the website, and notification to major statewide media',
    section: 'Ga. Code § 10-1-911(4)(D)',
  },
  enactments: [
    { act: 'SB 230 (2005)', effective: '2005-05-05' },
    { act: 'SB 236 (2007)', effective: '2007-05-24' },
  ],
  checked: [
    {
      fact: 'personal information: first name or initial and last name with SSN; driver’s licence or state identification card number; account, credit or debit card number usable without additional identifying information, access codes or passwords; account passwords, personal identification numbers or other access codes; when the name or the elements are not encrypted or redacted (§ 10-1-911(6))',
      url: DEF_QUOTE,
      audience: 'definition',
    },
    {
      fact: 'residents are notified in the most expedient time possible and without unreasonable delay after discovery or notification of the breach; the statute has no risk-of-harm exemption (§ 10-1-912(a))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'a person maintaining data on behalf of an information broker or data collector notifies it within 24 hours following discovery (§ 10-1-912(b))',
      url: NOTICE,
      audience: 'controller',
    },
    {
      fact: 'notice may be delayed if a law enforcement agency determines that it will compromise a criminal investigation; no written request is required (§ 10-1-912(c))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'consumer reporting agencies are notified without unreasonable delay when more than 10,000 residents are to be notified at one time (§ 10-1-912(d))',
      url: NOTICE,
      audience: 'credit_agencies',
    },
  ],
  notes: [
    'Ga. Code § 10-1-911(2)-(3), § 10-1-912(a): the duty falls on information brokers (who furnish personal information to nonaffiliated third parties for fees) and on state and local government data collectors; other businesses are not named (Breachline applies the entry to any owner, the conservative reading).',
    'Ga. Code § 10-1-911(6)(E): the elements also count without a name when they would be sufficient to perform or attempt identity theft (read only in charts; not modelled as alone).',
    'Ga. Code § 10-1-911(6)(C): an account or card number counts only where it could be used without additional identifying information, access codes or passwords (Breachline does not model codes).',
    'The stored copy of § 10-1-912 is the 2016 code (justia); the 2005 and 2007 effective dates come from the Perkins Coie chart.',
  ],
};
