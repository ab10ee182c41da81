import type { StateLaw } from './types';
import { MED, CRED, ET, ag, WITH } from './shared';

// Nothing here was read in the current statute text (the stored copies are the Attorney General's guidance, the
// Perkins Coie chart and a pre-2012 copy of the section); every fact stays unconfirmed.
export const CT: StateLaw = {
  code: 'CT',
  citation: 'Conn. Gen. Stat. § 36a-701b',
  url: 'https://portal.ct.gov/AG/General/Report-a-Breach-of-Security-Involving-Computerized-Data',
  zone: ET,
  // § 36a-701b(a) before PA 21-59: name with SSN, driver's licence or state ID, account or card number with its code.
  extra: [],
  harm: true,
  harmTest:
    'after an appropriate investigation and consultation with law enforcement, the breach will not likely result in harm to the individuals whose personal information was acquired or accessed',
  individuals: {},
  regulators: [ag(1, WITH)],
  creditMonitoring: { months: 12, elements: ['national_id'] },
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'Conn. Gen. Stat. § 36a-701b(e)',
  },
  amendments: [
    {
      from: '2018-10-01',
      citation: 'Conn. Gen. Stat. § 36a-701b (as amended by PA 18-90, SB 472)',
      change: {
        individuals: { days: 90, from: 'discovery' },
        creditMonitoring: { months: 24, elements: ['national_id'] },
      },
    },
    {
      from: '2021-10-01',
      citation: 'Conn. Gen. Stat. § 36a-701b (as amended by PA 21-59, HB 5310)',
      change: {
        // Taxpayer ID and IRS identity protection PIN, passport, military ID or other government ID, medical and health
        // insurance information, biometric data; online credentials alone.
        extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric'],
        alone: CRED,
        individuals: { days: 60, from: 'discovery' },
        creditMonitoring: { months: 24, elements: ['national_id', 'tax_id'] },
      },
    },
  ],
  enactments: [
    { act: 'PA 05-148 (SB 650)', effective: '2006-01-01' },
    { act: 'PA 12-1 (HB 6001): Attorney General notice', effective: '2012-10-01' },
    { act: 'PA 18-90 (SB 472): 90 days, 24 months of identity theft services', effective: '2018-10-01' },
    { act: 'PA 21-59 (HB 5310): 60 days, wider personal information, TIN monitoring', effective: '2021-10-01' },
  ],
  notes: [
    'Conn. Gen. Stat. § 36a-701b(b)(2)(B): identity theft prevention and mitigation services at no cost for 24 months where SSNs (and from 2021-10-01 taxpayer IDs) were breached (Attorney General guidance; not read in the text).',
    'Conn. Gen. Stat. § 36a-701b(a): an account or card number counts with any required code or password (Breachline does not model the code).',
    'No notice to consumer reporting agencies is required by the Connecticut statute (per the Perkins Coie chart; not read in the text).',
    'The Perkins Coie chart lists a further amendment, SB 1058 (2023), in force 2023-10-01; what it changed was not read and is not modelled.',
  ],
};
