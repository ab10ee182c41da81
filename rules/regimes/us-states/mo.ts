import type { StateLaw } from './types';
import { MED, CT_, ag, WITH } from './shared';

const DEFS = 'https://instalawyer.io/laws/missouri-revised-statutes/section-4071500-definitions';

export const MO: StateLaw = {
  code: 'MO',
  citation: 'Mo. Rev. Stat. § 407.1500',
  url: 'https://revisor.mo.gov/main/OneSection.aspx?section=407.1500',
  zone: CT_,
  // § 407.1500.1(5)-(6): medical information and health insurance information count with a name. The passport,
  // ITIN and other government numbers follow the summaries' reading of (9)(b), "driver's license or other unique
  // identification number created or collected by a government body" (not read in the text).
  extra: [...MED, 'passport', 'government_id', 'tax_id'],
  // § 407.1500.1(4): encryption renders data unreadable "without the use of a confidential process or key", so data
  // whose key was taken is not encrypted in the statute's sense (the default key exception).
  harm: true,
  harmTest:
    'after an appropriate investigation or consultation with law enforcement, a risk of identity theft or other fraud to any consumer is not reasonably likely to occur (documented in writing and kept five years)',
  individuals: {},
  regulators: [ag(1001, WITH)],
  cra: { min: 1001 },
  enactments: [{ act: 'H.B. 62 (2009)', effective: '2009-08-28' }],
  checked: [
    {
      fact: "breach of security is unauthorized access to and acquisition of computerized personal information; encryption renders data unreadable or unusable without a confidential process or key; medical information and health insurance information (policy or subscriber number, or an insurer's unique identifier) are defined (Mo. Rev. Stat. § 407.1500.1(1), (4)-(6))",
      url: DEFS,
      audience: 'definition',
    },
  ],
  notes: [
    "Unconfirmed (summaries of § 407.1500.2): the Attorney General and the consumer reporting agencies when more than 1,000 consumers are notified at one time; the harm determination kept five years; the notice describes the incident, the type of information, a telephone number, the consumer reporting agencies' contacts and advice to stay vigilant; substitute notice when cost exceeds $100,000 or more than 150,000 consumers.",
    'Unconfirmed (summaries): an account, card number, unique electronic identifier or routing code counts only with any required security code, access code or password.',
  ],
};
