import type { StateLaw } from './types';
import { MT_, ag, WITH } from './shared';

// No copy of the text of Mont. Code § 30-14-1704 could be read for this review: the facts below come from the
// Department of Justice's guidance page and breach summaries (DWT, Mintz, Alston & Bird) and stay unconfirmed.
export const MT: StateLaw = {
  code: 'MT',
  citation: 'Mont. Code §§ 30-14-1704, 2-6-1503',
  url: 'https://dojmt.gov/office-of-consumer-protection/reporting-requirements-for-data-breaches',
  zone: MT_,
  // Mont. Code 30-14-1704(4)(b) per the summaries: medical record information, a taxpayer identification number, an
  // IRS identity protection PIN, and a tribal identification number count with a name.
  extra: ['tax_id', 'health_insurance', 'health', 'government_id'],
  // The breach definition needs acquisition that "causes or is reasonably believed to cause loss or injury".
  harm: true,
  harmTest:
    'the acquisition has not caused and is not reasonably believed to cause loss or injury to a Montana resident',
  individuals: {},
  regulators: [ag(1, WITH, 'Office of Consumer Protection, Department of Justice')],
  enactments: [
    { act: 'Ch. 518, L. 2005 (HB 732)', effective: '2006-03-01' },
    {
      act: '2015 amendment (medical record, taxpayer ID, IRS IP PIN; notice to the Attorney General)',
      effective: '2015-10-01',
    },
  ],
  notes: [
    'Unconfirmed (Department of Justice guidance): an electronic copy of the notice goes to the Office of Consumer Protection at the same time, without personal identifiers, with the number of Montana residents notified, the date and the method of distribution.',
    'Unconfirmed (summaries): the summaries disagree on an insurance policy number (one lists it, others do not); it stays covered until the text is read. A notice that points residents to a consumer reporting agency file must be coordinated with that agency.',
  ],
};
