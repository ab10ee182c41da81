import type { StateLaw } from './types';
import { MED, CRED, MT_ } from './shared';

const NOTICE = 'https://law.counselstack.com/statute/wy/12/40-12-502';
const DEFINITIONS =
  'https://casetext.com/statute/wyoming-statutes/title-40-trade-and-commerce/chapter-12-consumer-protection/article-5-credit-freeze-reports/section-40-12-501-definitions';

export const WY: StateLaw = {
  code: 'WY',
  citation: 'Wyo. Stat. §§ 40-12-501 to -502',
  url: NOTICE,
  zone: MT_,
  // § 40-12-501(a)(vii) with W.S. 6-3-901(b)(iii)-(xiv) as amended by SF 35/36 (2015), per the Lexology, DWT and Mintz
  // summaries (the list itself could not be read): SSN; driver's licence; account or card number with any code; tribal or
  // federal or state government-issued ID card; shared secrets or security tokens; user name or email with password or
  // security Q&A; birth or marriage certificate; medical information; health insurance information; unique biometric
  // data; ITIN. The login credentials are a data element combined with a name, so they do not count alone.
  extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric', ...CRED],
  harm: true,
  harmTest:
    'after a good-faith, reasonable and prompt investigation, that misuse of the information has not occurred and is not reasonably likely to occur',
  individuals: {},
  regulators: [],
  // § 40-12-502(b): the delay rests on a law enforcement agency's determination in writing.
  holdWritten: true,
  // § 40-12-502(e) as quoted by Words by Wit and summarized by MRG (not read in the text): toll-free number of the entity
  // and of the credit agencies, types of information, general description, approximate date, actions taken, advice to
  // remain vigilant, and whether notice was delayed for law enforcement.
  individualContent: [
    'toll_free_numbers',
    'contact_point',
    'categories_of_data',
    'nature',
    'occurred_at',
    'measures_taken',
    'steps_for_individuals',
    'law_enforcement_delay',
  ],
  contentSection: 'Wyo. Stat. § 40-12-502(e)',
  enactments: [
    { act: '2007 Wyo. Sess. Laws (W.S. 40-12-501 to -509)', effective: '2007-07-01' },
    { act: 'SF 35 and SF 36 (2015): wider definition, content of the notice', effective: '2015-07-01' },
  ],
  checked: [
    {
      fact: 'on becoming aware of a breach, a good-faith, reasonable and prompt investigation; if misuse has occurred or is reasonably likely, notice to affected residents in the most expedient time possible and without unreasonable delay (§ 40-12-502(a))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'notice may be delayed if a law enforcement agency determines in writing that it may seriously impede a criminal investigation (§ 40-12-502(b))',
      url: NOTICE,
      audience: 'all',
    },
    {
      fact: 'a breach is an unauthorized acquisition that materially compromises the information and causes or is reasonably believed to cause loss or injury to a resident (§ 40-12-501(a)(i))',
      url: DEFINITIONS,
      audience: 'individuals',
    },
  ],
  notes: [
    'Wyoming: birth or marriage certificates and shared secrets or security tokens are covered with a name (no matching Breachline data element; shared secrets are closest to account credentials).',
    'Wyoming: the definition excludes data elements that are redacted; the summaries read describe no encryption safe harbour as such (Breachline applies its usual one).',
    'Wyoming: unconfirmed against the text (summaries only): the list of personal identifying information, the content of the notice, substitute notice, and a person maintaining data for another notifying it as soon as practicable.',
  ],
};
