import type { StateLaw } from './types';
import { CT_, ag } from './shared';

const DEF = 'https://legis.la.gov/legis/LawPrint.aspx?d=322029';
const RULE = 'https://ag.state.la.us/Page/DataBreach';

// As in force from 2018-07-01 (before Act 382 of 2018): name with SSN, driver's licence, account or card number.
// Act 382 (SB 361) added the passport number and biometric data and the 60-day limit from 2018-08-01 (bill, act and
// date from summaries: recordinglaw.com, Exterro; the act's text was not read).
export const LA: StateLaw = {
  code: 'LA',
  citation: 'La. Rev. Stat. §§ 51:3071-3077; La. Admin. Code tit. 16, pt. III, § 701',
  url: 'https://legis.la.gov/Legis/Law.aspx?d=322030',
  zone: CT_,
  extra: [],
  // § 51:3073(4)(a): "when the name or the data element is not encrypted or redacted"; no word on the key.
  encryption: { keyException: false, section: 'La. Rev. Stat. § 51:3073(4)(a)' },
  harm: true,
  harmTest: 'no reasonable likelihood of harm to customers',
  individuals: {},
  // La. Admin. Code tit. 16, pt. III, § 701(A)-(B): timely if received within 10 days of distribution of the notice.
  regulators: [ag(1, { kind: 'afterIndividuals', days: 10 }, 'Attorney General (Consumer Protection Section)')],
  enactments: [
    { act: 'Acts 2005, No. 499', effective: '2006-01-01' },
    { act: 'Acts 2018, No. 382 (SB 361)', effective: '2018-08-01' },
  ],
  amendments: [
    {
      from: '2018-08-01',
      citation:
        'La. Rev. Stat. §§ 51:3071-3077 as amended by Acts 2018, No. 382; La. Admin. Code tit. 16, pt. III, § 701',
      change: {
        extra: ['passport', 'biometric'],
        individuals: { days: 60, from: 'discovery' },
      },
    },
  ],
  checked: [
    {
      fact: "personal information: first name or first initial and last name with Social Security number; driver's license or state identification card number; account, credit or debit card number with any required security code, access code or password; passport number; biometric data used to authenticate identity; when the name or the data element is not encrypted or redacted (La. Rev. Stat. § 51:3073(4)(a))",
      url: DEF,
      audience: 'definition',
    },
    {
      fact: "written notice detailing the breach to the Consumer Protection Section of the Attorney General's Office whenever notice to Louisiana citizens is required, naming all affected citizens; timely if received within 10 days of distribution of the notice to citizens (La. Admin. Code tit. 16, pt. III, § 701(A)-(B))",
      url: RULE,
      audience: 'regulator',
    },
  ],
  notes: [
    'La. Admin. Code tit. 16, pt. III, § 701(A): the notice to the Attorney General must include the names of all Louisiana citizens affected (no schema field; told here).',
    'La. Rev. Stat. § 51:3073(4)(a)(iii): an account or card number counts only with any required security code, access code or password.',
    'Unconfirmed (§ 51:3074 beyond subsection D not read; values from breach charts): the 60-day limit from discovery, the no-harm exemption and its written determination kept five years, the third-party duty, the law-enforcement delay and substitute notice (charts give $100,000 / 100,000 people since 2018).',
  ],
};
