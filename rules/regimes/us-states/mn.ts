import type { StateLaw } from './types';
import { CT_ } from './shared';

// Subdivision 1(a) as printed in HF 3963 (2006), which quotes Minnesota Statutes 2005 Supplement, § 325E.61, subd. 1.
const SUBD1 =
  'https://www.revisor.mn.gov/bills/text.php?number=HF3963&version=0&session=ls84&session_year=2006&session_number=0';

export const MN: StateLaw = {
  code: 'MN',
  citation: 'Minn. Stat. § 325E.61',
  url: 'https://www.revisor.mn.gov/statutes/cite/325E.61',
  zone: CT_,
  extra: [],
  // Subd. 1(a): notice to residents "whose unencrypted personal information was, or is reasonably believed to have
  // been, acquired"; the key language of the definition (subd. 1(e)) was not read, so the default key exception stays.
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 501 },
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'Minn. Stat. § 325E.61, subd. 1(g)',
  },
  enactments: [{ act: 'Laws 2005, c. 167', effective: '2006-01-01' }],
  checked: [
    {
      fact: 'a person or business that owns or licenses data discloses a breach following discovery or notification to any resident whose unencrypted personal information was, or is reasonably believed to have been, acquired by an unauthorized person, in the most expedient time possible and without unreasonable delay; no risk-of-harm exception (Minn. Stat. § 325E.61, subd. 1(a))',
      url: SUBD1,
      audience: 'individuals',
    },
  ],
  notes: [
    'Consumer reporting agencies are to be told within 48 hours when more than 500 people are notified at one time (subd. 2; unconfirmed, read only as quoted in a law-firm guide).',
    "Unconfirmed (summaries): personal information is a name with a Social Security number, a driver's license or Minnesota identification card number, or an account or card number with any required security code, access code or password; substitute notice when cost exceeds $250,000 or more than 500,000 people (subd. 1(g)).",
  ],
};
