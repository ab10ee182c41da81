import type { StateLaw } from './types';
import { ET, ag, WITH } from './shared';

const S65 = 'https://law.onecle.com/north-carolina/75-monopolies-trusts-and-consumer-protection/75-65.html';

export const NC: StateLaw = {
  code: 'NC',
  citation: 'N.C. Gen. Stat. §§ 75-61, 75-65',
  url: S65,
  zone: ET,
  // § 75-61(10) with § 14-113.20(b) (not read on a statute copy): name with SSN or employer taxpayer identification
  // number; driver's licence, State ID card or passport number; checking, savings, credit or debit card numbers; PIN;
  // digital signatures; other numbers or information that can be used to access financial resources; biometric data;
  // fingerprints; passwords. § 75-65(a) (read) leaves out electronic identification numbers, email names or
  // addresses, Internet account numbers and identification names, the parent's surname before marriage and a
  // password unless they would permit access to a financial account or resources: so no online credentials alone
  // and no mother's maiden name.
  extra: ['passport', 'tax_id', 'biometric', 'electronic_signature'],
  // § 75-61(14), not read on a statute copy: encrypted records acquired with the confidential process or key are a
  // security breach (the chart's and statute quotations' wording).
  encryption: { keyException: true, section: 'N.C. Gen. Stat. § 75-61(14)' },
  harm: true,
  harmTest:
    'that illegal use of the personal information has not occurred and is not reasonably likely to occur and that the incident creates no material risk of harm to a consumer (the security breach definition)',
  individuals: {},
  // § 75-65(e1), not read on a statute copy: the Consumer Protection Division without unreasonable delay whenever
  // residents are notified (chart).
  regulators: [ag(1, WITH, 'Attorney General, Consumer Protection Division')],
  // § 75-65(f), not read on a statute copy: the chart's "more than 1,000 persons at one time".
  cra: { min: 1001 },
  // § 75-65(e)(4), not read on a statute copy: values recalled from breach charts.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'N.C. Gen. Stat. § 75-65(e)(4)',
  },
  enactments: [
    { act: 'S.L. 2005-414 (SB 1048), Identity Theft Protection Act', effective: '2005-12-01' },
    { act: 'S.L. 2009-355 (SB 1017): Attorney General notice', effective: '2009-10-01' },
  ],
  checked: [
    {
      fact: 'a business owning or licensing personal information in any form (computerized, paper or otherwise) notifies the affected person following discovery, without unreasonable delay (75-65(a))',
      url: S65,
      audience: 'individuals',
    },
    {
      fact: "personal information excludes electronic identification numbers, email names or addresses, Internet account numbers and identification names, a parent's legal surname before marriage and passwords unless they would permit access to a financial account or resources (75-65(a))",
      url: S65,
      audience: 'individuals',
    },
    {
      fact: 'a business maintaining or possessing personal information it does not own or license notifies the owner or licensee immediately following discovery (75-65(b))',
      url: S65,
      audience: 'controller',
    },
    {
      fact: 'notice is delayed if a law enforcement agency informs the business that notification may impede a criminal investigation or jeopardize national or homeland security (75-65(c))',
      url: S65,
      audience: 'all',
    },
  ],
  notes: [
    'N.C. Gen. Stat. § 75-65(a) covers records in any form, paper included.',
    'N.C. Gen. Stat. § 75-65(a): a password, email address or Internet account name counts (with the name) only when it would permit access to a financial account or resources; Breachline does not count account_credentials for North Carolina.',
    "N.C. Gen. Stat. §§ 75-61(10) and (14), 14-113.20(b) and 75-65(d)-(f) (content, methods and substitute notice, Attorney General, consumer reporting agencies) were not read on a statute copy: unconfirmed chart values; Breachline's recommended content applies.",
  ],
};
