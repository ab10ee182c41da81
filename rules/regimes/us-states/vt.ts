import type { StateLaw } from './types';
import { MED, CRED, ET, ag } from './shared';

const STATUTE = 'https://legislature.vermont.gov/statutes/section/09/062/02435';

export const VT: StateLaw = {
  code: 'VT',
  citation: 'Vt. Stat. tit. 9, § 2435',
  url: STATUTE,
  zone: ET,
  // 9 V.S.A. § 2430 as amended by Act 89 (2020), in force 2020-07-01, per the Akin Gump and Eye on Privacy summaries
  // (the current § 2430 definition text could not be read): ITIN, passport, military ID or other government ID number,
  // biometric data, genetic information, health records, diagnosis or treatment, health insurance policy number; login
  // credentials (user name or e-mail with password or security answer) count alone.
  extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric', 'genetic'],
  alone: CRED,
  harm: true,
  harmTest: 'that misuse of the personally identifiable information or login credentials is not reasonably possible',
  individuals: { days: 45, from: 'discovery' },
  regulators: [
    {
      ...ag(
        1,
        { kind: 'fromDiscovery', days: 14, businessDays: true },
        'Attorney General (or the Department of Financial Regulation)',
      ),
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
  enactments: [
    { act: '2011, No. 109 (Adj. Sess.) (45-day limit, 14-business-day preliminary notice)', effective: '2012-05-08' },
    {
      act: '2019, No. 89 (Adj. Sess.) (definition widened, login credentials, substitute notice)',
      effective: '2020-07-01',
    },
  ],
  amendments: [
    // Before Act 89 the definition was name with SSN, driver's licence or non-driver ID, a financial account or card
    // number usable without codes, or a financial account password or PIN (2018 text of § 2430(5), read on Justia).
    { from: '2018-07-01', citation: 'Vt. Stat. tit. 9, § 2435 (before Act 89)', change: { extra: [], alone: [] } },
    {
      from: '2020-07-01',
      citation: 'Vt. Stat. tit. 9, § 2435',
      change: { extra: ['tax_id', 'passport', 'government_id', ...MED, 'biometric', 'genetic'], alone: CRED },
    },
  ],
  checked: [
    {
      fact: 'consumers in the most expedient time possible and without unreasonable delay, but not later than 45 days after the discovery or notification of the breach (§ 2435(b)(1))',
      url: STATUTE,
      audience: 'individuals',
    },
    {
      fact: 'a data collector that maintains or possesses data it does not own or license notifies the owner or licensee immediately following discovery of the breach (§ 2435(b)(2))',
      url: STATUTE,
      audience: 'controller',
    },
  ],
  notes: [
    'The 14-business-day preliminary notice to the Attorney General counts weekends only; Vermont state holidays are not in the calendar.',
    'Vermont: a data collector regulated by the Department of Financial Regulation notifies the Department, every other one the Attorney General (§ 2435(b)(3)(A)).',
    'Vermont: a financial account or card number counts only where it could be used without additional identifying information, access codes or passwords; a financial account password, PIN or access code counts on its own with a name.',
    'Vermont: unconfirmed against the text (summaries only): the 14-business-day preliminary notice, the no-harm determination sent to the Attorney General, consumer reporting agencies above 1,000 consumers, the content of the consumer notice (incident, type of information, measures, toll-free number, advice to remain vigilant, approximate date) and substitute notice (from 2020-07-01 only when direct notice would cost more than $10,000 or contact information is lacking).',
  ],
};
