import type { StateLaw } from './types';
import { MED, CRED, PT, ag, WITH } from './shared';

// Read in the statute's text: ORS 646A.604(1)-(3)(b) as in force (oregonlaws.org, instalawyer.io), the 2015 text of
// 646A.604(1)-(3) (law.justia.com), and 646A.602(1)-(7). The list of covered elements, the harm exemption, the
// consumer-reporting-agency notice, substitute notice and content were not read and stay unconfirmed.
const S604 = 'https://www.oregonlaws.org/ors/646A.604';

const CHECKED = [
  {
    fact: 'consumers in the most expeditious manner possible, without unreasonable delay, but not later than 45 days after discovering or receiving notification of the breach (646A.604(3)(a))',
    url: S604,
    audience: 'individuals' as const,
  },
  {
    fact: 'Attorney General, in writing or electronically, when the number of consumers to be notified exceeds 250 (646A.604(1)(b))',
    url: S604,
    audience: 'regulator' as const,
  },
];

export const OR: StateLaw = {
  code: 'OR',
  citation: 'Or. Rev. Stat. §§ 646A.600-.628',
  url: S604,
  zone: PT,
  // Passport or other United States issued identification number, biometric data used to authenticate, health
  // insurance numbers and medical information with a name; username with password alone (Davis Wright Tremaine,
  // CLIC and K&L Gates summaries of 646A.602(12); not read in the text).
  extra: ['passport', 'government_id', 'tax_id', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  // Oregon Division of Financial Regulation's summary; the statute's words were not read.
  harmTest: 'no reasonable likelihood that consumers have been or will be harmed',
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(251, WITH)],
  cra: { min: 1001 },
  // The 2015 text of 646A.604(3) allows the delay only when the law enforcement agency "requests" it (the copy read
  // breaks off there; "in writing" is the summaries' reading), so the conservative written-request rule applies.
  holdWritten: true,
  enactments: [
    { act: 'Oregon Consumer Identity Theft Protection Act (2007)', effective: '2007-10-01' },
    { act: 'SB 1551 (2018): 45-day deadline', effective: '2018-06-02' },
    { act: 'SB 684 (2019): vendors and covered entities', effective: '2020-01-01' },
  ],
  checked: CHECKED,
  // ORS 646A.604(2)(a) (SB 684, from 2020-01-01): a vendor tells the covered entity within 10 days of discovering
  // the breach or having reason to believe it occurred (a determination clock). The vendor's own notice to the
  // Attorney General above 250 consumers (646A.604(2)(c)) is not modelled.
  amendments: [
    {
      from: '2020-01-01',
      citation: 'Or. Rev. Stat. §§ 646A.600-.628 as amended by SB 684 (2019)',
      change: {
        processorDays: 10,
        checked: [
          ...CHECKED,
          {
            fact: 'vendor notifies the covered entity as soon as practicable and no later than 10 days after discovering the breach or having reason to believe it occurred (646A.604(2)(a))',
            url: S604,
          },
        ],
      },
    },
  ],
  notes: [
    'A vendor breached for more than 250 consumers, or an undetermined number, also notifies the Attorney General unless the covered entity has (ORS 646A.604(2)(c); not modelled).',
  ],
};
