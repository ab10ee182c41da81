import type { StateLaw } from './types';
import { ET, ag, WITH } from './shared';

const STATUTE = 'https://instalawyer.io/laws/code-of-virginia/182-1866-breach-of-personal';
const MEDICAL = 'http://laws9.com/statutes/virginia/title-32-1/chapter-5/32-1-127-1-05';

export const VA: StateLaw = {
  code: 'VA',
  citation: 'Va. Code § 18.2-186.6',
  url: STATUTE,
  zone: ET,
  // § 18.2-186.6(A) "personal information" (not read in the text; Foley, CLI and Klinedinst summaries): name with SSN,
  // driver's licence or state ID card, financial account or card number with any required code, and since the 2019
  // amendment passport number and military identification number.
  extra: ['passport', 'government_id'],
  harm: true,
  harmTest:
    'that the breach has not caused and will not cause identity theft or other fraud to a resident (a breach is one that causes, or is reasonably believed to have caused or to cause, identity theft or other fraud)',
  individuals: {},
  regulators: [ag(1, WITH, 'Office of the Attorney General')],
  cra: { min: 1001 },
  individualContent: ['nature', 'categories_of_data', 'measures_taken', 'contact_point', 'steps_for_individuals'],
  contentSection: 'Va. Code § 18.2-186.6(A) ("notice")',
  enactments: [
    { act: '2008 Va. Acts cc. 566, 801 (§ 18.2-186.6)', effective: '2008-07-01' },
    {
      act: '2019 amendment adding passport and military identification numbers (per summaries)',
      effective: '2019-07-01',
    },
  ],
  amendments: [
    { from: '2018-07-01', citation: 'Va. Code § 18.2-186.6 (before the 2019 amendment)', change: { extra: [] } },
    { from: '2019-07-01', citation: 'Va. Code § 18.2-186.6', change: { extra: ['passport', 'government_id'] } },
  ],
  checked: [
    {
      fact: 'a breach is the unauthorized access and acquisition of unencrypted and unredacted data that causes, or is reasonably believed to have caused or to cause, identity theft or other fraud to a resident; encrypted data is outside it (§ 18.2-186.6(A), "breach of the security of the system", "encrypted")',
      url: STATUTE,
      audience: 'individuals',
    },
    {
      fact: 'the medical information notice applies to an "entity": a public body of the Commonwealth or a political subdivision, or an organization supported wholly or principally by public funds (§ 32.1-127.1:05(A), text as enacted in 2010, in force 2011-01-01)',
      url: MEDICAL,
      audience: 'individuals',
    },
  ],
  notes: [
    'Virginia: a financial account or card number counts only with any required security code, access code or password.',
    'Virginia: medical information (history, condition, treatment, health insurance numbers) is covered by Va. Code § 32.1-127.1:05 only for state and local public bodies and organizations supported wholly or principally by public funds (its "entity" definition); Breachline does not count it for private entities.',
    'Virginia: unconfirmed against the text (summaries only): the list of personal information, notice to residents and the Office of the Attorney General without unreasonable delay, consumer reporting agencies above 1,000 residents, the content of the notice, substitute notice (cost over $50,000, more than 100,000 residents or insufficient contact information) and the separate notice to the Attorney General of employee tax identification numbers with withholding information.',
  ],
};
