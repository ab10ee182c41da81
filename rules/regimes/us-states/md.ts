import type { StateLaw } from './types';
import { MED, CRED, ET, ag } from './shared';

const DEF = 'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&enactments=false&section=14-3501';
const NOTICE = 'https://lexace.ai/us/statute/maryland/CL-14-3504';

export const MD: StateLaw = {
  code: 'MD',
  citation: 'Md. Code Com. Law §§ 14-3501 to -3508',
  url: 'https://mgaleg.maryland.gov/mgawebsite/Laws/StatuteText?article=gcl&enactments=false&section=14-3504',
  zone: ET,
  // § 14-3501(e)(1)(i)1: an ITIN, a passport number or other federal identification number count with a name.
  extra: ['passport', 'tax_id', 'government_id', ...MED, 'biometric'],
  alone: CRED,
  // § 14-3501(c): "encrypted" means indecipherable without the associated cryptographic key; the key exception
  // follows from the definition itself, so the field is omitted.
  harm: true,
  harmTest: 'the breach does not create a likelihood that personal information has been or will be misused',
  // As in force from 2018-01-01 (HB 974 of 2017) until HB 962 (2022): no later than 45 days after the business concludes
  // its investigation (Ogletree's 2019 summary; the older text was not read).
  individuals: { days: 45, from: 'determination' },
  regulators: [ag(1, { kind: 'beforeIndividuals' })],
  // § 14-3506(a) says "1,000 or more individuals", not "more than": the threshold is at 1,000 itself.
  cra: { min: 1000 },
  enactments: [
    // HB 1154 (2019) from law-firm summaries (Ogletree, Hunton); HB 974 and HB 962 and their dates are not from a page
    // read here (unconfirmed). The current text of 14-3504(b)(3) was read.
    { act: 'HB 974 (2017)', effective: '2018-01-01' },
    { act: 'HB 1154 (2019): businesses that maintain data investigate too', effective: '2019-10-01' },
    { act: 'HB 962 (2022): 45 days from discovery; genetic information', effective: '2022-10-01' },
  ],
  amendments: [
    {
      from: '2022-10-01',
      citation: 'Md. Code Com. Law §§ 14-3501 to -3508 as amended by HB 962 (2022)',
      change: {
        individuals: { days: 45, from: 'discovery' },
        extra: ['passport', 'tax_id', 'government_id', ...MED, 'biometric', 'genetic'],
      },
    },
  ],
  checked: [
    {
      fact: "personal information: first name or first initial and last name with a Social Security number, an Individual Taxpayer Identification Number, a passport number or other federal identification number; a driver's license or State identification card number; an account, credit or debit card number with any required security code, access code or password; health information, including mental health; a health insurance policy, certificate or subscriber number with an insurer's unique identifier; when not encrypted, redacted or otherwise made unreadable (Md. Code Com. Law § 14-3501(e)(1)(i)1-5; items 6-7 and (ii) not read)",
      url: DEF,
      audience: 'definition',
    },
    {
      fact: 'individuals as soon as reasonably practicable and no later than 45 days after the business discovers or is notified of the breach, unless it reasonably determines misuse is not likely (14-3504(b)(2)-(3))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'a business that decides no notice is required keeps records of its determination for 3 years (14-3504(b)(4))',
      url: NOTICE,
      audience: 'individuals',
    },
  ],
  notes: [
    'Md. Code Com. Law § 14-3501(e)(1)(i)3: an account or card number counts only with any required security code, access code or password.',
    'Unconfirmed (charts; not read in the text): biometric data, genetic information, and a user name or e-mail address with password or security question for an e-mail account (§ 14-3501(e)(1)(i)6-7, (ii)); notice to the Attorney General before the residents (§ 14-3504(h)); the third party telling the owner within 10 days (§ 14-3504(c)); substitute notice above $100,000 or 175,000 people; the notice content (§ 14-3504(g)).',
  ],
};
