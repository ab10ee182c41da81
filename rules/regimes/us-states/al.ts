import type { StateLaw } from './types';
import { MED, CRED, CT_, ag } from './shared';

const ALISON = 'http://alisondb.legislature.state.al.us/alison/codeofalabama/1975/';
const S5 = 'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/';

export const AL: StateLaw = {
  code: 'AL',
  citation: 'Ala. Code §§ 8-38-1 to -12',
  url: `${ALISON}8-38-2.htm`,
  zone: CT_,
  // § 8-38-2(6)a (read only in the Lex Mundi / Maynard Nexsen summary, not in the statute's text): SSN or tax ID;
  // driver's licence, state ID card, passport, military ID or other government identification number; financial
  // account or card number with the code needed to use it; medical information; health insurance policy or
  // subscriber number; username or email with password or security question and answer. All with a name.
  extra: ['tax_id', 'passport', 'government_id', ...MED, ...CRED],
  harm: true,
  harmTest:
    'the breach is not reasonably likely to cause substantial harm to the individuals to whom the information relates',
  individuals: { days: 45, from: 'determination' },
  regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
  cra: { min: 1001 },
  processorDays: 10,
  // § 8-38-5(c): the delay needs a written request of the law enforcement agency.
  holdWritten: true,
  // § 8-38-5(e) substitute notice: thresholds from the Mintz and TermsFeed summaries only (not read in the text).
  substitute: {
    costOver: 500000,
    peopleOver: 100000,
    noContact: true,
    means:
      'conspicuous notice on the covered entity’s website for 30 days and notice in print and broadcast media where the affected individuals reside',
    section: 'Ala. Code § 8-38-5(e)',
  },
  individualContent: ['occurred_at', 'categories_of_data', 'measures_taken', 'steps_for_individuals', 'contact_point'],
  contentSection: 'Ala. Code § 8-38-5(d)',
  enactments: [{ act: 'Act 2018-396 (Alabama Data Breach Notification Act of 2018)', effective: '2018-06-01' }],
  checked: [
    {
      fact: "individuals within 45 days of the determination that a breach occurred and is reasonably likely to cause substantial harm, or of a third-party agent's notice (8-38-5(a)-(b))",
      url: S5,
      audience: 'individuals',
    },
    {
      fact: 'notice to individuals is delayed on the written request of a federal or state law enforcement agency (8-38-5(c))',
      url: S5,
      audience: 'individuals',
    },
    {
      fact: 'the notice to individuals includes at a minimum the date or estimated date range of the breach, the information acquired, the actions taken to restore security, steps individuals can take against identity theft, and how to contact the covered entity (8-38-5(d))',
      url: 'http://alissearch.legislature.state.al.us/texis/search/mlt.html?cmd=mlt&id=5feabead85&pr=CodeofAlabama&prox=page&query=personal+injury&rdepth=0&rdfreq=500&rlead=500&rorder=500&rprox=500&rwfreq=500&sufs=0',
      audience: 'individuals',
    },
    {
      fact: 'Attorney General in writing when the number of individuals to notify exceeds 1,000, within 45 days of the determination or of the third-party agent’s notice, with a synopsis, the approximate number of Alabama individuals, services offered and a contact (8-38-6(a)-(b))',
      url: `${ALISON}8-38-6.htm`,
      audience: 'regulator',
    },
    {
      fact: 'all nationwide consumer reporting agencies, without unreasonable delay, of the timing, distribution and content of the notices when more than 1,000 individuals are notified at a single time (8-38-7)',
      url: `${ALISON}8-38-7.htm`,
      audience: 'credit_agencies',
    },
    {
      fact: 'a third-party agent notifies the covered entity no later than 10 days after determining the breach or having reason to believe it occurred (8-38-8)',
      url: 'https://alison.legislature.state.al.us/code-of-alabama?section=8-38-8',
      audience: 'controller',
    },
  ],
  notes: [
    'Ala. Code § 8-38-2(6): a financial account, credit or debit card number counts only with the security code, access code, password, expiration date or PIN needed to access the account or to transact (Breachline does not model the code; from a summary, not the text).',
    'Ala. Code § 8-38-2(6)b: encrypted or otherwise unusable information is excluded unless the key or security credential was also breached (from a summary, not the text).',
  ],
};
