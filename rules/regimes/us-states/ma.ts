import type { StateLaw } from './types';
import { ET, ag, WITH } from './shared';

const S1 = 'https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXV/Chapter93H/Section1';
const S3 =
  'https://getpocketlaw.com/law/state_massachusetts/section-3-duty-to-report-known-security-breach-or-unauthorized-use-of-personal-information_bb327f108afd';
const S3A = 'https://instalawyer.io/laws/massachusetts-general-laws/section-3a-breaches-of';
const S4 = 'https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXV/Chapter93H/Section4';
const NOTICE = 'https://www.lawserver.com/law/state/massachusetts/ma-laws/massachusetts_general_laws_chapter_93h';

export const MA: StateLaw = {
  code: 'MA',
  citation: 'Mass. Gen. Laws ch. 93H, §§ 1-6',
  url: 'https://malegislature.gov/Laws/GeneralLaws/PartI/TitleXV/Chapter93H',
  zone: ET,
  // § 1(a) "personal information": name with SSN, driver's licence or state-issued ID card, or a financial account or
  // card number "with or without" any code (the baseline; read on the OCABR page, not in the statute's text).
  extra: [],
  // § 1(a): a breach of encrypted data counts only with "the confidential process or key" (key exception present).
  // § 3(b): notice is due on a breach of security (which needs a substantial risk of identity theft or fraud) OR when
  // personal information "was acquired or used by an unauthorized person or used for an unauthorized purpose", which
  // has no risk test: Breachline does not excuse notice on a 'none' risk assessment.
  harm: false,
  individuals: {},
  regulators: [
    ag(1, WITH),
    {
      key: 'ocabr',
      name: 'Director of Consumer Affairs and Business Regulation (OCABR)',
      min: 1,
      when: WITH,
    },
  ],
  // § 4: the delay needs the law enforcement agency to have notified the Attorney General in writing.
  holdWritten: true,
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means:
      'email notice, clear and conspicuous posting on the website, and publication in or broadcast through statewide media',
    section: 'Mass. Gen. Laws ch. 93H, § 1(a) ("notice" (iii))',
  },
  individualContent: ['police_report', 'security_freeze'],
  // § 3(b): the notice "shall not include the nature of the breach or unauthorized acquisition or use or the number
  // of residents of the commonwealth affected".
  prohibitedContent: ['nature', 'approximate_people'],
  contentSection: 'Mass. Gen. Laws ch. 93H, § 3(b)',
  enactments: [
    { act: 'St. 2007, c. 82', effective: '2007-10-31' },
    { act: 'St. 2018, c. 444 (H.4806)', effective: '2019-04-11' },
  ],
  amendments: [
    {
      from: '2019-04-11',
      citation: 'Mass. Gen. Laws ch. 93H, §§ 1-6 as amended by St. 2018, c. 444',
      change: { creditMonitoring: { months: 18, elements: ['national_id'] } },
    },
  ],
  checked: [
    {
      fact: 'breach of security: unauthorized acquisition or use of unencrypted data, or of encrypted data together with the confidential process or key, that creates a substantial risk of identity theft or fraud; encrypted means a 128-bit or higher algorithmic process (Mass. Gen. Laws ch. 93H, § 1(a))',
      url: S1,
      audience: 'individuals',
    },
    {
      fact: 'the owner or licensor notifies the Attorney General, the director of consumer affairs and business regulation and the resident as soon as practicable and without unreasonable delay when it knows or has reason to know of a breach of security or that personal information was acquired or used by an unauthorized person or for an unauthorized purpose (Mass. Gen. Laws ch. 93H, § 3(b))',
      url: S3,
      audience: 'all',
    },
    {
      fact: 'a person that maintains or stores but does not own the data notifies the owner or licensor as soon as practicable and without unreasonable delay, and cooperates (Mass. Gen. Laws ch. 93H, § 3(a))',
      url: S3,
      audience: 'controller',
    },
    {
      fact: 'notice may be delayed if a law enforcement agency determines it may impede a criminal investigation and has notified the Attorney General in writing (Mass. Gen. Laws ch. 93H, § 4)',
      url: S4,
      audience: 'all',
    },
    {
      fact: 'when the breach includes a Social Security number, credit monitoring at no cost for not less than 18 months (42 months for a consumer reporting agency), with enrolment and security freeze information (Mass. Gen. Laws ch. 93H, § 3A(a))',
      url: S3A,
      audience: 'individuals',
    },
    {
      fact: 'substitute notice when written notice would cost more than $250,000, more than 500,000 residents are to be notified, or contact information is insufficient (Mass. Gen. Laws ch. 93H, § 1(a), "notice" (iii))',
      url: NOTICE,
      audience: 'individuals',
    },
  ],
  notes: [
    'The notice to residents must not state the nature of the breach or the number of residents affected.',
    'Unconfirmed (mass.gov guidance, not the statute text): the notice to residents tells them of the right to obtain a police report, how to request a security freeze and what to provide, and that a freeze is free; the list of covered elements; the substitute notice means; the consumer reporting agencies and state agencies the director identifies for further notice.',
  ],
};
