import type { StateLaw } from './types';
import { ET } from './shared';

const S19 = 'https://instalawyer.io/laws/ohio-revised-code/section-134919-private-disclosure';

export const OH: StateLaw = {
  code: 'OH',
  citation: 'Ohio Rev. Code §§ 1349.19-.192',
  url: S19,
  zone: ET,
  // § 1349.19(A)(7), not read on a statute copy (the stored copies stop at (A)(3)): name with SSN, driver's licence or
  // state identification card number, or an account or card number with any required code (charts).
  extra: [],
  // § 1349.19(A)(7), per the charts: data elements encrypted, redacted or altered so as to be unreadable are excluded;
  // the key is not mentioned (unconfirmed).
  encryption: { keyException: false, section: 'Ohio Rev. Code § 1349.19(A)(7)' },
  harm: true,
  harmTest:
    'that the breach has not caused, is not reasonably believed to have caused and is not reasonably believed will cause a material risk of identity theft or other fraud to the person or property of a resident (the breach definition)',
  // § 1349.19(B)(2), not read on a statute copy: "not later than forty-five days following its discovery or
  // notification of the breach" (the words quoted by charts).
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  // § 1349.19(G), not read on a statute copy: "more than one thousand residents ... in a single occurrence" (charts).
  cra: { min: 1001 },
  // § 1349.19(E)(4), not read on a statute copy: the chart values. § 1349.19(E)(5) also lets a business with ten or
  // fewer employees use local newspaper advertisements when notice would cost more than $10,000 (not modelled).
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means:
      'email notice, conspicuous posting on the website, and notification to major media outlets reaching at least 75% of the state population',
    section: 'Ohio Rev. Code § 1349.19(E)(4)',
  },
  enactments: [
    { act: 'Am. Sub. H.B. 104 (126th G.A.)', effective: '2006-02-17' },
    { act: 'S.B. 126 (126th G.A.)', effective: '2007-03-30' },
  ],
  checked: [
    {
      fact: 'a breach of the security of the system is unauthorized access to and acquisition of computerized data that causes, reasonably is believed to have caused, or reasonably is believed will cause a material risk of identity theft or other fraud to the person or property of a resident (1349.19(A)(1)(a))',
      url: S19,
      audience: 'individuals',
    },
  ],
  notes: [
    'Ohio Rev. Code § 1349.19 covers computerized data only.',
    'Ohio Rev. Code § 1349.19(A)(7), (B)-(G) (definition, 45 days from discovery, maintainer, methods and substitute notice, consumer reporting agencies) were not read on a statute copy: unconfirmed chart values. A person maintaining data for its owner notifies it expeditiously following its determination of the breach (charts).',
  ],
};
