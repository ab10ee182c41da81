import type { StateLaw } from './types';
import { CRED, ET, ag, WITH } from './shared';

const DEF = 'https://legislature.maine.gov/legis/bills/bills_122nd/chapters/PUBLIC379-3.asp';
const LD696 = 'http://www.mainelegislature.org/legis/bills/bills_129th/billtexts/SP020904.asp';

export const ME: StateLaw = {
  code: 'ME',
  citation: 'Me. Rev. Stat. tit. 10, §§ 1346-1350-B',
  url: 'https://legislature.maine.gov/statutes/10/title10ch210-Bsec0.html',
  zone: ET,
  // § 1347(6)(D): account passwords, personal identification numbers or other access codes count with a name.
  extra: [...CRED],
  // § 1347(6)(E): any element of (A)-(D) counts without a name when it would suffice to assume the person's identity;
  // Breachline applies that to credentials alone and says so in a note for the others.
  alone: CRED,
  // § 1347(6): "when either the name or the data elements are not encrypted or redacted"; no word on the key.
  encryption: { keyException: false, section: 'Me. Rev. Stat. tit. 10, § 1347(6)' },
  harm: true,
  harmTest:
    'misuse of the personal information has not occurred and is not reasonably possible (information brokers excepted)',
  // As in force on 2018-07-01: "as expediently as possible and without unreasonable delay", no day count.
  individuals: {},
  regulators: [
    ag(1, WITH, 'Attorney General (or the Department of Professional and Financial Regulation for regulated entities)'),
  ],
  cra: { min: 1001 },
  enactments: [
    { act: 'P.L. 2005, c. 379 (LD 1671)', effective: '2006-01-31' },
    { act: 'LD 696 (129th Legislature), 30-day limit', effective: '2019-09-19' },
  ],
  amendments: [
    {
      from: '2019-09-19',
      citation: 'Me. Rev. Stat. tit. 10, §§ 1346-1350-B as amended by LD 696 (2019)',
      // "no more than 30 days after the person ... becomes aware of a breach of security and identifies its scope":
      // the clock waits for the scope to be identified, so it runs from the determination.
      change: { individuals: { days: 30, from: 'determination' } },
    },
  ],
  checked: [
    {
      fact: "personal information: first name or first initial and last name with Social Security number; driver's license or state identification card number; account, credit or debit card number usable without additional identifying information, access codes or passwords; account passwords, personal identification numbers or other access codes; or any of these without the name if sufficient to assume the person's identity; when the name or the data elements are not encrypted or redacted (Me. Rev. Stat. tit. 10, § 1347(6), as enacted by P.L. 2005, c. 379)",
      url: DEF,
      audience: 'definition',
    },
    {
      fact: 'from 2019-09-19 individuals as expediently as possible and, when there is no law enforcement delay, no more than 30 days after becoming aware of the breach and identifying its scope (§ 1348(1) as amended by LD 696, Senate Amendment S-364)',
      url: LD696,
      audience: 'individuals',
    },
  ],
  notes: [
    "Me. Rev. Stat. tit. 10, § 1347(6)(C): an account or card number counts only when it could be used without additional identifying information, access codes or passwords; (E) any element counts without a name when sufficient to assume the person's identity.",
    'Unconfirmed (breach charts; § 1348 text beyond the 2019 amendment not read): regulator notice to the DPFR regulator or the Attorney General, consumer reporting agencies when more than 1,000 persons are notified at a single time, delay up to 7 business days after law enforcement clears notice, and substitute notice when cost exceeds $5,000 or more than 1,000 persons.',
  ],
};
