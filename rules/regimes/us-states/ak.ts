import type { StateLaw } from './types';

const S010 = 'https://law.justia.com/codes/alaska/2019/title-45/chapter-48/article-1/section-45-48-010/';

export const AK: StateLaw = {
  code: 'AK',
  citation: 'Alaska Stat. §§ 45.48.010-.090',
  url: 'https://codes.findlaw.com/ak/title-45-trade-and-commerce/ak-st-sect-45-48-090/',
  zone: 'America/Anchorage',
  // § 45.48.090(7) (elements read only in the DWT summary): name with SSN; driver's licence or state ID number;
  // account, credit or debit card number (with the code if one is required); passwords, PINs or other access codes
  // for financial accounts. Nothing beyond the baseline.
  extra: [],
  // § 45.48.090(7): information "not encrypted or redacted, or ... encrypted and the encryption key has been
  // accessed or acquired" (read in the text): the key exception is present, so the field is omitted.
  harm: true,
  harmTest:
    'there is not a reasonable likelihood that harm to the consumers whose personal information has been acquired has resulted or will result from the breach (after an appropriate investigation and written notice to the Attorney General)',
  individuals: {},
  regulators: [
    {
      key: 'attorney-general',
      name: 'Attorney General',
      min: Number.POSITIVE_INFINITY,
      when: { kind: 'expedient' },
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
  // § 45.48.030 substitute notice: the summaries disagree on the figures and the text was not read; not modelled.
  enactments: [{ act: 'ch. 92 SLA 2008 (Personal Information Protection Act)', effective: '2009-07-01' }],
  checked: [
    {
      fact: 'individuals in the most expeditious time possible and without unreasonable delay, except for a law enforcement delay and as necessary to determine the scope of the breach and restore the system (45.48.010(b))',
      url: S010,
      audience: 'individuals',
    },
    {
      fact: 'no disclosure is required if, after an appropriate investigation and written notification to the attorney general, the covered person determines there is not a reasonable likelihood of harm; the determination is documented and kept five years (45.48.010(c))',
      url: S010,
      audience: 'all',
    },
    {
      fact: 'consumer credit reporting agencies without unreasonable delay, with the timing, distribution and content of the notices, when more than 1,000 state residents are notified; not for GLBA-covered collectors (45.48.040)',
      url: 'https://courtgpt.ai/laws/alaska/title-45/chapter-48/article-1/section-45-48-040',
      audience: 'credit_agencies',
    },
    {
      fact: 'disclosure may be delayed if an appropriate law enforcement agency determines it will interfere with a criminal investigation (45.48.020)',
      url: 'https://policyrisk.com/states/alaska/statutes?chapter=48&title=45',
      audience: 'all',
    },
  ],
  notes: [
    'Alaska Stat. § 45.48.090(7): an account or card number counts with the security or access code only when one is required to access the account (Breachline does not model the code; from a summary).',
    'Alaska Stat. § 45.48.090(7): paper records are covered as well as electronic ones ("information in any form").',
    'Alaska Stat. § 45.48.040(c): the consumer reporting agency notice does not apply to a collector subject to the Gramm-Leach-Bliley Act.',
    'The 2009-07-01 commencement of ch. 92 SLA 2008 is recorded from memory; the stored copies give only the session law.',
  ],
};
