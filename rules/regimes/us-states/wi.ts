import type { StateLaw } from './types';
import { CHART, CT_ } from './shared';

export const WI: StateLaw = {
  code: 'WI',
  citation: 'Wis. Stat. § 134.98',
  url: 'https://docs.legis.wisconsin.gov/statutes/statutes/134/98',
  zone: CT_,
  // § 134.98(1)(b) per the DWT, Lewis Brisbois and Words by Wit summaries (the statute text could not be read): name with
  // SSN, driver's licence or state ID, a financial account or card number or any code or password giving access to
  // the account, a DNA profile (s. 939.74(2d)(a)), or unique biometric data. Paper records are covered too.
  extra: ['biometric', 'genetic'],
  harm: true,
  harmTest:
    'that the acquisition does not create a material risk of identity theft or fraud to the subject of the information',
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  // § 134.98(2)(br): summaries disagree on the wording ("more than 1,000" in CSRPS and the existing threshold test,
  // "1,000 or more" in Coulee); the text could not be read, so the entry keeps "more than 1,000".
  cra: { min: 1001 },
  // The notice must indicate that the entity knows of the unauthorized acquisition; on written request the entity
  // identifies the information acquired (summaries).
  individualContent: ['nature'],
  contentSection: 'Wis. Stat. § 134.98(3)(c)',
  enactments: [{ act: '2005 Wis. Act 138', effective: '2006-03-31' }],
  notes: [
    'Wisconsin: the notice goes by mail or a method previously used to communicate with the person; where an address cannot be determined with reasonable diligence, by a method reasonably calculated to give actual notice (no cost or number threshold; not modelled as substitute notice).',
    'Wisconsin: a person storing information it does not own or license notifies the owner or licensee as soon as practicable.',
    `Wisconsin: nothing in this entry is confirmed against the statute text (summaries only, ${CHART}).`,
  ],
};
