import type { StateLaw } from './types';
import { CT_, ag } from './shared';

// Read in the statute's text: § 162(1)-(6) (lexace.ai copy; the copy's § 162(6) list of elements was cut off).
// Not read in the text: § 163 (notice, timing, key, law enforcement), the substitute notice definition, and every
// SB 626 (2025) change; those values come from summaries and stay unconfirmed.
const S162 = 'https://lexace.ai/us/statute/oklahoma/24-162';

export const OK: StateLaw = {
  code: 'OK',
  citation: 'Okla. Stat. tit. 24, §§ 161-166',
  url: S162,
  zone: CT_,
  // Name with SSN, driver's licence or state ID card number, or account/card number with any required access code
  // (Davis Wright Tremaine and AICPA summaries; the text of § 162(6) was not read). The engine counts the account
  // number without the code.
  extra: [],
  harm: true,
  harmTest:
    'that the breach has not caused, and is not reasonably believed to have caused or to be likely to cause, identity theft or other fraud to any resident',
  individuals: {},
  regulators: [],
  enactments: [
    { act: 'HB 2245 (2008)', effective: '2008-11-01' },
    { act: 'SB 626 (2025)', effective: '2026-01-01' },
  ],
  amendments: [
    {
      from: '2026-01-01',
      citation: 'Okla. Stat. tit. 24, §§ 161-166 as amended by SB 626 (2025)',
      // SB 626 adds "other unique identification numbers created or collected by a government entity", unique
      // biometric data used to authenticate an individual (and routing codes and card expiry dates with an account
      // number), and an Attorney General notice for 500 or more residents (1,000 for a credit bureau) no more than 60
      // days after notifying residents (Covington, Tenaco, RMA and JD Supra summaries quoting the bill; the enrolled
      // text was not read, so all of it stays unconfirmed).
      change: {
        extra: ['passport', 'government_id', 'tax_id', 'biometric'],
        regulators: [ag(500, { kind: 'afterIndividuals', days: 60 })],
      },
    },
  ],
  checked: [
    {
      fact: 'a breach is an access and acquisition that causes, or the entity reasonably believes has caused or will cause, identity theft or other fraud to a resident: no notice without that belief (Okla. Stat. tit. 24, § 162(1))',
      url: S162,
      audience: 'individuals',
    },
  ],
  notes: [
    'From 2026-01-01 (SB 626) a credit bureau notifies the Attorney General only at 1,000 or more residents (not modelled).',
    'Account, credit or debit card numbers count only with any required security code, access code or password (summaries of § 162(6); not modelled).',
    'From 2026-01-01 (SB 626) the Attorney General notice states the date of the breach and of its determination, its nature, the type of personal information, the number of residents, the estimated monetary impact and the reasonable safeguards used (from a summary).',
  ],
};
