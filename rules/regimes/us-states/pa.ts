import type { StateLaw } from './types';
import { CRED, ET, ag, WITH } from './shared';

// Read in the statute's text: 73 P.S. § 2302 (definitions of breach and encryption, Westlaw's public copy) and
// § 3(c.1) as added by SB 824 (the bill's text, printer's no. 899; the enacted wording is quoted identically on
// databreaches.net). Not read: § 2303's timing and law enforcement delay, § 2305 (consumer reporting agencies),
// the current list of covered elements and the credit monitoring section; those values come from summaries.
const S2302 =
  'https://govt.westlaw.com/pac/Document/N47F0F9808C5311DA943797541B5FDE35?viewType=FullText&originationContext=documenttoc&transitionType=CategoryPageItem&contextData=(sc.Default)';
const SB824 = 'https://www.einpresswire.com/article/639870650/senate-bill-824-printer-s-number-899';

const HARM = {
  fact: 'a breach is an access and acquisition that causes, or the entity reasonably believes has caused or will cause, loss or injury to a resident: no notice without that belief (73 P.S. § 2302)',
  url: S2302,
  audience: 'individuals' as const,
};

export const PA: StateLaw = {
  code: 'PA',
  citation: '73 Pa. Stat. §§ 2301-2330',
  url: S2302,
  zone: ET,
  // Until Act 151 of 2022: name with SSN, driver's licence or state ID card number, or account/card number with any
  // required access code (the text of SB 824 quotes items (i)-(iii) of the definition).
  extra: [],
  harm: true,
  harmTest:
    'that the breach has not caused, and is not reasonably believed to have caused or to be likely to cause, loss or injury to any resident',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  enactments: [
    { act: 'SB 712 (2005), Act 94', effective: '2006-06-20' },
    { act: 'Act 151 of 2022 (P.L. 2139)', effective: '2023-05-02' },
    { act: 'SB 824 (2024), Act 33', effective: '2024-09-26' },
  ],
  checked: [HARM],
  amendments: [
    {
      // Act 151 of 2022 adds health insurance information, medical information held by a state agency or state
      // agency contractor, and a username or email address with a password or security question and answer
      // (DataGuidance and Shook Hardy summaries; not read in the text). Medical information is left out: it counts
      // only for state agencies and their contractors.
      from: '2023-05-02',
      citation: '73 Pa. Stat. §§ 2301-2330 as amended by Act 151 of 2022',
      change: { extra: ['health_insurance'], alone: CRED },
    },
    {
      from: '2024-09-26',
      citation: '73 Pa. Stat. §§ 2301-2330 as amended by Act 33 of 2024',
      change: {
        regulators: [ag(501, WITH, 'Office of Attorney General')],
        // Act 33: 12 months of credit monitoring and a free credit report when a Social Security number, bank
        // account number, or driver's licence or state ID number is involved (CSRPS and Orrick summaries).
        creditMonitoring: { months: 12, elements: ['national_id', 'financial_account', 'drivers_license'] },
        checked: [
          HARM,
          {
            fact: 'Office of Attorney General notified concurrently when notice must be given to more than 500 affected individuals in the Commonwealth, with the organization name and location, date of the breach, a summary, and the estimated totals affected overall and in Pennsylvania (§ 3(c.1), added by SB 824)',
            url: SB824,
            audience: 'regulator',
          },
        ],
      },
    },
  ],
  notes: [
    'Medical information counts only when a state agency or state agency contractor holds it (Act 151 of 2022, from a summary); Breachline does not cover it for other entities.',
    'Account, credit or debit card numbers count only with any required security code, access code or password (not modelled).',
    'SB 824 (Act 33 of 2024) also amended § 2305 (consumer reporting agencies); its new wording was not read, so the threshold stays "more than 1,000".',
  ],
};
