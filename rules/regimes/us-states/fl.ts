import type { StateLaw } from './types';
import { MED, CRED, ET } from './shared';

const STATUTE = 'http://fl.elaws.us/law/501.171';
const SB262 = 'https://online.flipbuilder.com/bzaa/mvgs/files/basic-html/page250.html';

export const FL: StateLaw = {
  code: 'FL',
  citation: 'Fla. Stat. § 501.171',
  url: STATUTE,
  zone: ET,
  // § 501.171(1)(g)1.a.(II): a driver licence or identification card number, passport number, military identification
  // number or other similar number issued on a government document used to verify identity.
  extra: ['passport', 'government_id', ...MED],
  // § 501.171(1)(g)1.b.: a user name or e-mail address with a password or security question and answer, no name needed.
  alone: CRED,
  // § 501.171(1)(g)2.: encrypted, secured or modified information is not personal information; the key is not mentioned.
  encryption: { keyException: false, section: 'Fla. Stat. § 501.171(1)(g)2.' },
  harm: true,
  harmTest: 'that the breach has not and will not likely result in identity theft or any other financial harm',
  individuals: { days: 30, from: 'determination' },
  regulators: [
    {
      key: 'attorney-general',
      name: 'Department of Legal Affairs (Attorney General)',
      min: 500,
      when: { kind: 'fromDetermination', days: 30 },
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
  processorDays: 10,
  holdWritten: true,
  // Unconfirmed (§ 501.171(4)(f), from the Snell & Wilmer and DWT charts and the 2014 act as commonly summarised): the
  // stored statute copies were cut before the subsection.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'a conspicuous notice on the covered entity’s Internet website and notice in print and to broadcast media',
    section: 'Fla. Stat. § 501.171(4)(f)',
  },
  // Unconfirmed (§ 501.171(4)(e), from the Snell & Wilmer chart): date or estimated date range of the breach, a
  // description of the personal information accessed, and the covered entity's contact information.
  individualContent: ['occurred_at', 'categories_of_data', 'contact_point'],
  contentSection: 'Fla. Stat. § 501.171(4)(e)',
  enactments: [
    { act: 'Florida Information Protection Act of 2014 (ch. 2014-189, SB 1524)', effective: '2014-07-01' },
    { act: 'SB 262 (2023), s. 25 (Florida Digital Bill of Rights)', effective: '2024-07-01' },
  ],
  amendments: [
    {
      from: '2024-07-01',
      citation: 'Fla. Stat. § 501.171 as amended by SB 262 (2023)',
      change: { extra: ['passport', 'government_id', ...MED, 'biometric', 'precise_location'] },
    },
  ],
  checked: [
    {
      fact: 'personal information: first name or initial and last name with SSN; driver licence or identification card, passport, military identification or other similar government-document number; financial account or credit or debit card number with any required code or password; medical history, condition, treatment or diagnosis; health insurance policy or subscriber number; from SB 262 (2024-07-01) biometric data and geolocation; or a user name or e-mail address with a password or security question and answer alone (§ 501.171(1)(g)1.)',
      url: SB262,
      audience: 'definition',
    },
    {
      fact: 'encrypted, secured or modified information that no longer identifies the individual or is otherwise unusable is not personal information; the key is not mentioned (§ 501.171(1)(g)2.)',
      url: SB262,
      audience: 'definition',
    },
  ],
  notes: [
    'Fla. Stat. § 501.171(1)(g)1.a.(III): an account or card number counts only with any required security code, access code or password (Breachline does not model codes).',
    'Unconfirmed against the text (the stored copies stop early): the 30-day clocks, the Department threshold of 500, the no-harm determination to the Department within 30 days, the written law enforcement request, the CRA threshold (more than 1,000) and the third-party agent’s 10 days come from the DWT and Snell & Wilmer charts.',
  ],
};
