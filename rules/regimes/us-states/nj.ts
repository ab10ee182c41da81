import type { StateLaw } from './types';
import { CRED, ET } from './shared';

const S161 = 'https://cliclaw.com/node/7033';
const NJCCIC = 'https://www.cyber.nj.gov/data-breach-notifications/';

const STATE_POLICE = {
  key: 'state-police',
  name: 'Division of State Police, Department of Law and Public Safety',
  min: 1,
  when: { kind: 'beforeIndividuals' },
} as const;

export const NJ: StateLaw = {
  code: 'NJ',
  citation: 'N.J. Stat. §§ 56:8-161 to -166',
  url: S161,
  zone: ET,
  // N.J.S.A. 56:8-161 (the personal information definition was not reached on the stored copies): name with SSN,
  // driver's licence or State ID card number, account or card number with any required code; dissociated data with
  // the means to link it. Online credentials were added by P.L.2019, c.95 (below).
  extra: [],
  // N.J.S.A. 56:8-161, "breach of security": access to personal information not secured by encryption or another
  // method rendering it unreadable or unusable; the definition does not mention the key.
  encryption: { keyException: false, section: 'N.J. Stat. § 56:8-161 ("breach of security")' },
  harm: true,
  harmTest:
    'that misuse of the information is not reasonably possible (the determination documented in writing and kept for five years)',
  individuals: {},
  regulators: [STATE_POLICE],
  // N.J.S.A. 56:8-163(f), not read on a statute copy: the chart's "more than 1,000".
  cra: { min: 1001 },
  // N.J.S.A. 56:8-163(d)(3), not read on a statute copy: values recalled from breach charts.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means: 'email notice, conspicuous posting on the website, and notification to major Statewide media',
    section: 'N.J. Stat. § 56:8-163(d)(3)',
  },
  enactments: [
    { act: 'P.L.2005, c.226, ss.10-15', effective: '2006-01-01' },
    { act: 'P.L.2019, c.95: online account credentials', effective: '2019-09-01' },
  ],
  amendments: [
    {
      from: '2019-09-01',
      citation: 'N.J. Stat. §§ 56:8-161 to -166 as amended by P.L.2019, c.95',
      // Charts read the credentials as counting without a name (the conservative reading kept here); the bill text
      // quoted by Rivkin Radler numbers them (4) in the list linked with the name.
      change: { alone: CRED },
    },
  ],
  checked: [
    {
      fact: 'a breach of security is unauthorized access to personal information not secured by encryption or any other method or technology rendering it unreadable or unusable (56:8-161)',
      url: S161,
      audience: 'individuals',
    },
    {
      fact: 'a business required to disclose a breach to a customer reports it to the Division of State Police in the Department of Law and Public Safety in advance of the disclosure to the customer (56:8-163(c)(1), as quoted by the New Jersey Cybersecurity and Communications Integration Cell)',
      url: NJCCIC,
      audience: 'regulator',
    },
  ],
  notes: [
    'N.J. Stat. § 56:8-161: an account or card number counts only with any required security code, access code or password.',
    'N.J. Stat. § 56:8-163(a)-(f) other than the State Police report (timing, harm test, maintainer, law enforcement delay, methods, consumer reporting agencies) and the personal information definition were not read on a statute copy: unconfirmed.',
    'N.J. Stat. § 56:8-163(d)(2) as amended in 2019: a breach of online credentials only may be notified electronically, directing the customer to change the password and security question; not through the breached email account.',
  ],
};
