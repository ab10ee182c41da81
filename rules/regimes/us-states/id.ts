import type { StateLaw } from './types';

const DEFS = 'https://legislature.idaho.gov/statutesrules/idstat/Title28/T28CH51/SECT28-51-104';

export const ID: StateLaw = {
  code: 'ID',
  citation: 'Idaho Code §§ 28-51-104 to -107',
  url: DEFS,
  zone: 'America/Boise',
  // § 28-51-104(5) (unconfirmed, DWT and Constangy charts): name with SSN, driver's licence or Idaho identification
  // card number, or account or card number with any required code; nothing beyond the baseline.
  extra: [],
  // § 28-51-104(2): a breach is the illegal acquisition of unencrypted computerized data; the key is not mentioned.
  encryption: { keyException: false, section: 'Idaho Code § 28-51-104(2)' },
  harm: true,
  // § 28-51-105(1) as quoted by the amp.legal chart (unconfirmed against the text).
  harmTest: 'that misuse of information about an Idaho resident has not occurred and is not reasonably likely to occur',
  individuals: {},
  regulators: [],
  substitute: {
    costOver: 25000,
    peopleOver: 50000,
    noContact: true,
    means:
      'e-mail notice where an address is held, conspicuous posting on the website, and notice to major statewide media',
    section: 'Idaho Code § 28-51-104(4)(d)',
  },
  enactments: [
    {
      act: 'Idaho Code §§ 28-51-104 to -107 as enacted in 2006 (effective date from the cliclaw summary)',
      effective: '2006-07-01',
    },
  ],
  notes: [
    'Idaho Code § 28-51-104(2), read in the statute: a breach is the illegal acquisition of unencrypted computerized data that materially compromises the security, confidentiality or integrity of personal information; the key is not mentioned. Not marked checked because the list of elements in § 28-51-104(5) was not read and a checked definition would vouch for it.',
    'Idaho Code § 28-51-104(4)(d): substitute notice when the cost would exceed $25,000, more than 50,000 residents are to be notified, or contact information is insufficient (read in the statute; the means listed here come from the charts, the stored copy being cut).',
    'Unconfirmed against the text (the stored copies of § 28-51-105 were not read): the list of elements, the misuse test, notice in the most expedient time possible, the immediate notice by a person maintaining data for its owner, and the law enforcement delay (DWT, Constangy and amp.legal charts).',
    'Idaho Code § 28-51-105 (charts): a city, county or state agency also notifies the Attorney General within 24 hours of discovery; this duty of public agencies is not modelled.',
    'Northern Idaho keeps Pacific time; Breachline uses Mountain time for the state.',
    'SB 1066 (2025) would have expanded the definition and required credit monitoring; no enactment was found, and 2026 summaries describe the statute as last amended in 2014.',
  ],
};
