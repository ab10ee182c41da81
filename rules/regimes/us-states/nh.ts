import type { StateLaw } from './types';
import { ET, ag, WITH } from './shared';

const S19 = 'http://laws9.com/statutes/new-hampshire/TITLEXXXI/CHAPTER359-C/359-C-19';
const S20 = 'https://lawserver.com/law/state/new-hampshire/nh-statutes/new_hampshire_revised_statutes_359-c_20';

export const NH: StateLaw = {
  code: 'NH',
  citation: 'N.H. Rev. Stat. §§ 359-C:19-21',
  url: S20,
  zone: ET,
  // RSA 359-C:19, IV(a)(2): "driver's license number or other government identification number": passports, other
  // government-issued ID numbers and ITINs are government identification numbers (the conservative reading).
  extra: ['government_id', 'passport', 'tax_id'],
  // RSA 359-C:19, II: data acquired with any required key, security code, access code or password is not encrypted.
  encryption: { keyException: true, section: 'N.H. Rev. Stat. § 359-C:19, II' },
  harm: true,
  harmTest:
    'that misuse of the information has not occurred and is not reasonably likely to occur (when no determination can be made, notice is due)',
  individuals: {},
  // RSA 359-C:20, I(b): a person subject to RSA 358-A:3, I notifies its primary regulator instead; all others the
  // Attorney General's office.
  regulators: [ag(1, WITH, "Attorney General's office (or the primary regulator for persons under RSA 358-A:3, I)")],
  // RSA 359-C:20, VI, not read on a statute copy: the chart's "more than 1,000".
  cra: { min: 1001 },
  // RSA 359-C:20, III(d), not read on a statute copy: the values recalled from breach charts.
  substitute: {
    costOver: 5000,
    peopleOver: 1000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major statewide media',
    section: 'N.H. Rev. Stat. § 359-C:20, III(d)',
  },
  enactments: [{ act: '2006 N.H. Laws 242:1 (HB 1660)', effective: '2007-01-01' }],
  checked: [
    {
      fact: "personal information: first name or initial and last name with SSN; driver's license number or other government identification number; account, credit or debit card number with any required code permitting access to the financial account (RSA 359-C:19, IV)",
      url: S19,
      audience: 'definition',
    },
    {
      fact: 'data is not encrypted if acquired with any required key, security code, access code or password that would permit access to it (RSA 359-C:19, II)',
      url: S19,
      audience: 'individuals',
    },
    {
      fact: 'on becoming aware of a breach the person promptly determines the likelihood of misuse; if misuse has occurred or is reasonably likely, or no determination can be made, affected individuals are notified as soon as possible (RSA 359-C:20, I(a))',
      url: S20,
      audience: 'individuals',
    },
    {
      fact: "the primary regulator (for persons subject to RSA 358-A:3, I) or otherwise the Attorney General's office is notified of the anticipated date of the notice to individuals and the approximate number of New Hampshire individuals, with no minimum number (RSA 359-C:20, I(b))",
      url: S20,
      audience: 'regulator',
    },
    {
      fact: 'a person maintaining data it does not own notifies and cooperates with the owner or licensee immediately following discovery (RSA 359-C:20, I(c))',
      url: S20,
      audience: 'controller',
    },
  ],
  notes: [
    'N.H. Rev. Stat. § 359-C:19, IV: an account or card number counts only with any required security code, access code or password.',
    "N.H. Rev. Stat. § 359-C:20, II-VI (law enforcement delay, notice methods and substitute notice, content, consumer reporting agencies) were not read on a statute copy: the consumer reporting agency threshold and substitute-notice values are unconfirmed chart values, and Breachline's recommended content (which includes the description, approximate date, type of information and telephone contact that charts list) applies.",
    'The words "or other government identification number" in RSA 359-C:19, IV(a)(2) were added after the 2006 act (the date of that amendment was not found; it is applied from 2018-07-01).',
  ],
};
