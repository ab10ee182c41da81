import type { StateLaw } from './types';

// The text read: Haw. Rev. Stat. chapter 487N as published by the legislature (2017 capture), mirrored in a public
// repository; the same § 487N-1 text is in the cliclaw.com statute copy.
const HRS =
  'https://github.com/HACC17/BlueAndKrabby/blob/5eccbbb69a2a18637f6158edbc25836c77c7fa59/web/content/title-26/chapter-487N';
const DEFS = `${HRS}/section-487N-1.md`;
const NOTICE = `${HRS}/section-487N-2.md`;

export const HI: StateLaw = {
  code: 'HI',
  citation: 'Haw. Rev. Stat. §§ 487N-1 to -7',
  url: 'https://www.capitol.hawaii.gov/hrscurrent/Vol11_Ch0476-0490/HRS0487N/HRS_0487N-0002.htm',
  zone: 'Pacific/Honolulu',
  // § 487N-1: SSN; driver's licence or Hawaii identification card number; account, card number, access code or
  // password that would permit access to a financial account. Nothing beyond the baseline.
  extra: [],
  // § 487N-1 "security breach": acquisition of encrypted data together with the confidential process or key is a breach
  // (the key exception), so encryption is omitted here (the default).
  harm: true,
  harmTest:
    'that illegal use of the personal information has not occurred and is not reasonably likely to occur, so that no risk of harm to a person is created (no "security breach" under § 487N-1)',
  individuals: {},
  regulators: [
    {
      key: 'consumer-protection',
      name: 'Office of Consumer Protection',
      min: 1001,
      when: { kind: 'expedient' },
    },
  ],
  cra: { min: 1001 },
  substitute: {
    costOver: 100000,
    peopleOver: 200000,
    noContact: true,
    means:
      'e-mail notice where an address is held, conspicuous posting on the website, and notification to major statewide media',
    section: 'Haw. Rev. Stat. § 487N-2(e)(4)',
  },
  individualContent: ['nature', 'categories_of_data', 'measures_taken', 'contact_point', 'steps_for_individuals'],
  contentSection: 'Haw. Rev. Stat. § 487N-2(d)',
  enactments: [
    { act: 'Act 135 (2006), SB 2290', effective: '2007-01-01' },
    { act: 'Act 19 (2008), SB 2402', effective: '2008-04-17' },
  ],
  checked: [
    {
      fact: 'personal information: first name or initial and last name with SSN; driver’s licence or Hawaii identification card number; account, credit or debit card number, access code or password permitting access to a financial account; when the name or the elements are not encrypted (§ 487N-1); acquisition of encrypted data with the confidential process or key is a security breach (§ 487N-1)',
      url: DEFS,
      audience: 'definition',
    },
    {
      fact: 'a security breach is an unauthorized access to and acquisition of personal information where illegal use has occurred or is reasonably likely to occur and that creates a risk of harm (§ 487N-1); notice to affected persons without unreasonable delay following discovery or notification of the breach (§ 487N-2(a))',
      url: NOTICE,
      audience: 'individuals',
    },
    {
      fact: 'notice is delayed when a law enforcement agency says it may impede a criminal investigation or jeopardize national security and requests a delay, made in writing or documented contemporaneously in writing by the business (§ 487N-2(c))',
      url: NOTICE,
      audience: 'all',
    },
    {
      fact: 'a business maintaining personal information it does not own notifies the owner or licensee immediately following discovery (§ 487N-2(b))',
      url: NOTICE,
      audience: 'controller',
    },
    {
      fact: 'when more than 1,000 persons are notified at one time, the business notifies in writing, without unreasonable delay, the Office of Consumer Protection and the nationwide consumer reporting agencies of the timing, distribution and content of the notice (§ 487N-2(f))',
      url: NOTICE,
      audience: 'regulator',
    },
    {
      fact: 'consumer reporting agencies are notified in writing, without unreasonable delay, when more than 1,000 persons are notified at one time (§ 487N-2(f))',
      url: NOTICE,
      audience: 'credit_agencies',
    },
    {
      fact: 'the notice describes the incident in general terms, the type of personal information, the general acts taken to protect it, a telephone number for information and assistance if one exists, and advice to remain vigilant by reviewing account statements and monitoring free credit reports (§ 487N-2(d)); substitute notice when the cost would exceed $100,000, more than 200,000 persons are to be notified, or contact information or consent is insufficient (§ 487N-2(e)(4))',
      url: NOTICE,
      audience: 'individuals',
    },
  ],
  notes: [
    'Haw. Rev. Stat. § 487N-2(c): the law enforcement request may be oral if the business documents it contemporaneously in writing, with the officer’s name and agency (Breachline does not require a written request here).',
    'Haw. Rev. Stat. § 487N-2(a): the chapter covers personal information in any form (computerized, paper or otherwise).',
    '§ 487N-1 was also amended by L Sp 2008, c 10, § 5 (effective date not read; no modelled value changed). The 2007 and 2008 effective dates come from the Perkins Coie chart.',
    'Bills to expand the § 487N-1 definition (SB 1038 of 2025, carried over; SB 3016 of 2026) were pending when last read; none is recorded as enacted.',
  ],
};
