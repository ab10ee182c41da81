import type { StateLaw } from './types';
import { MED, CRED, ET, ag, WITH } from './shared';

const S101 = 'http://delcode.delaware.gov/title6/c012b/index.shtml';
const S102 =
  'https://d1tvxue8o4w0fl.cloudfront.net/statute/delaware-code/title-6-commerce-and-trade/subtitle-ii-other-laws-relating-to-commerce-and-trade/chapter-12b-computer-security-breaches/section-12b-102-disclosure-of-breach-of-security-of-computerized-personal-information-by-an-individual-or-a-commercial-entity-security-notice';

export const DE: StateLaw = {
  code: 'DE',
  citation: 'Del. Code tit. 6, §§ 12B-101 to -104',
  url: S101,
  zone: ET,
  // § 12B-101(7) (list from the DWT and Mintz summaries): with a name, SSN; driver's licence or state or federal ID
  // card; account or card number with its code; passport; username or email with password or security Q&A; medical
  // information including a DNA profile; health insurance numbers; biometric data; ITIN. Credentials count only with a
  // name (they were wrongly listed as counting alone).
  extra: ['passport', 'government_id', 'tax_id', ...MED, 'genetic', 'biometric', ...CRED],
  harm: true,
  harmTest:
    'after an appropriate investigation, the breach of security is unlikely to result in harm to the individuals whose personal information has been breached',
  individuals: { days: 60, from: 'determination' },
  regulators: [ag(501, WITH)],
  creditMonitoring: { months: 12, elements: ['national_id'] },
  // § 12B-101(5)d substitute notice (not read in the text).
  substitute: {
    costOver: 75000,
    peopleOver: 100000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notice to major statewide media',
    section: 'Del. Code tit. 6, § 12B-101(5)d',
  },
  enactments: [
    { act: '75 Del. Laws c. 61 (HB 116)', effective: '2005-06-28' },
    {
      act: '81 Del. Laws c. 129 (HS 1 for HB 180): 60 days, Attorney General, wider definition',
      effective: '2018-04-14',
    },
  ],
  checked: [
    {
      fact: 'encrypted personal information is not breached unless the acquisition includes, or is reasonably believed to include, the encryption key (12B-101(1)b)',
      url: S101,
      audience: 'individuals',
    },
    {
      fact: 'the clock runs from the determination of the breach of security: the point at which there is sufficient evidence to conclude a breach has taken place (12B-101(2))',
      url: S101,
      audience: 'individuals',
    },
    {
      fact: 'residents without unreasonable delay but not later than 60 days after determination of the breach, unless after an appropriate investigation the breach is unlikely to result in harm (12B-102(a), (c))',
      url: S102,
      audience: 'individuals',
    },
    {
      fact: 'a person maintaining data it does not own notifies and cooperates with the owner or licensee immediately following determination of the breach (12B-102(b))',
      url: S102,
      audience: 'controller',
    },
    {
      fact: 'notice may be delayed when a law enforcement agency determines it will impede a criminal investigation and has requested the delay (12B-102(c)(2))',
      url: S102,
      audience: 'all',
    },
  ],
  notes: [
    'Del. Code tit. 6, § 12B-102(c)(3): residents identified only after the 60 days are notified as soon as practicable (not modelled).',
    'The Attorney General notice (more than 500 residents, no later than the residents), one year of credit monitoring for SSNs (§ 12B-102(d), (e)), the element list and the substitute notice are from summaries, not the text.',
    'Del. Code tit. 6, § 12B-101(7): an account or card number counts with any required code or password (Breachline does not model the code).',
  ],
};
