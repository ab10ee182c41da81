import type { StateLaw } from './types';
import { CT_, MED, ag, WITH } from './shared';

const S01 = 'https://legalfix.com/statutes/state-codes/north-dakota/title-51/chapter-51-30';
const S01_OLD = 'http://laws9.com/statutes/north-dakota/t51/t51c30';
const S02 = 'https://lexace.ai/us/statute/north-dakota/51-30-02';
const S03 = 'https://lexace.ai/us/statute/north-dakota/51-30-03';

export const ND: StateLaw = {
  code: 'ND',
  citation: 'N.D. Cent. Code §§ 51-30-01 to -07',
  url: S02,
  zone: CT_,
  // § 51-30-01(4)(a): name with SSN; operator's licence; nondriver color photo ID card number; account or card number
  // with any required code; date of birth; mother's maiden name; medical information; health insurance information;
  // an identification number assigned by the employer; digitized or other electronic signature. No biometric data and
  // no online credentials in the list.
  extra: ['date_of_birth', 'mothers_maiden_name', ...MED, 'employee_id', 'electronic_signature'],
  // § 51-30-01: only data not secured by encryption; the section does not mention the key.
  encryption: { keyException: false, section: 'N.D. Cent. Code § 51-30-01' },
  harm: false,
  individuals: {},
  regulators: [ag(251, WITH)],
  // § 51-30-05, not read on a statute copy: values recalled from breach charts.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'N.D. Cent. Code § 51-30-05',
  },
  enactments: [
    { act: '2005 N.D. Sess. Laws, chapter 51-30 enacted (date from charts)', effective: '2005-06-01' },
    { act: 'S.L. 2013 (HB 1435): medical and health insurance information', effective: '2013-08-01' },
    {
      act: '2015 amendment: Attorney General notice above 250 individuals (date from charts)',
      effective: '2015-08-01',
    },
  ],
  checked: [
    {
      fact: "personal information: first name or initial and last name with SSN; operator's license number; nondriver color photo identification card number; financial account, credit or debit card number with any required code; date of birth; mother's maiden name; medical information; health insurance information; an identification number assigned by the employer; digitized or other electronic signature (51-30-01)",
      url: S01,
      audience: 'definition',
    },
    {
      fact: 'a breach is the acquisition of data whose access has not been secured by encryption or another method rendering it unreadable or unusable; the definition does not mention the key (51-30-01)',
      url: S01_OLD,
      audience: 'individuals',
    },
    {
      fact: 'every resident whose unencrypted personal information was, or is reasonably believed to have been, acquired is notified in the most expedient time possible and without unreasonable delay, with no risk-of-harm exemption (51-30-02)',
      url: S02,
      audience: 'individuals',
    },
    {
      fact: 'the Attorney General is told by mail or email of any breach exceeding two hundred fifty individuals, in the most expedient time possible and without unreasonable delay (51-30-02)',
      url: S02,
      audience: 'regulator',
    },
    {
      fact: 'a person maintaining data it does not own notifies the owner or licensee immediately following discovery (51-30-03)',
      url: S03,
      audience: 'controller',
    },
  ],
  notes: [
    'N.D. Cent. Code § 51-30-01: an account or card number counts only with any required security code, access code or password; the stored current copy breaks off in item (9) (employer identification number), which a chart says also needs its access code or password; the older copy ends the list with the electronic signature.',
    'N.D. Cent. Code § 51-30-06 (2013): HIPAA covered entities and business associates complying with the federal breach rule are deemed compliant (not modelled). §§ 51-30-04 (law enforcement delay) and 51-30-05 (substitute notice) were not read on a statute copy: unconfirmed.',
  ],
};
