import type { StateLaw } from './types';
import { MT_, ag, WITH } from './shared';

// Read in the statute's text: Utah Code § 13-44-202(1)-(4)(b) as it stood before 2023 (statutes.laws.com) and
// § 13-44-102 as revised in 2009 (le.utah.gov). Not read: the subsections S.B. 127 (2023) and S.B. 98 (2024) added
// (Attorney General, Utah Cyber Center, consumer reporting agencies) and the current numbering of § 13-44-102;
// those values come from summaries and the Utah Cyber Center's reporting page.
const S202 = 'https://statutes.laws.com/utah/title-13/chapter-44/13-44-202';
const S102 = 'http://le.utah.gov/~code/TITLE13/htm/13_44_010200.htm';

export const UT: StateLaw = {
  code: 'UT',
  citation: 'Utah Code §§ 13-44-101 to -301',
  url: S202,
  zone: MT_,
  extra: [],
  // § 13-44-102: data counts when "unencrypted or not protected by another method that renders the data unreadable
  // or unusable"; the statute does not mention the key.
  encryption: { keyException: false, section: 'Utah Code § 13-44-102' },
  harm: true,
  harmTest:
    'that personal information has not been and is not reasonably likely to be misused for identity theft or fraud purposes',
  individuals: {},
  regulators: [],
  enactments: [
    { act: 'S.B. 69 (2006)', effective: '2007-01-01' },
    { act: 'S.B. 208 (2009)', effective: '2009-05-12' },
    { act: 'S.B. 127 (2023)', effective: '2023-05-03' },
    { act: 'S.B. 98 (2024)', effective: '2024-05-01' },
  ],
  amendments: [
    {
      // S.B. 127 (2023): Attorney General and Utah Cyber Center when 500 or more residents are notified, consumer
      // reporting agencies at 1,000 or more (Sheppard Mullin's eyeonprivacy.com, Perkins Coie chart, Utah Cyber
      // Center's reporting page; not read in the text). Other summaries date the Cyber Center notice from S.B. 98
      // (2024-05-01); the earlier date is kept, the conservative reading.
      from: '2023-05-03',
      citation: 'Utah Code §§ 13-44-101 to -301 as amended by S.B. 127 (2023)',
      change: {
        regulators: [ag(500, WITH), { key: 'cyber-center', name: 'Utah Cyber Center', min: 500, when: WITH }],
        cra: { min: 1000 },
      },
    },
  ],
  checked: [
    {
      fact: 'personal information: first name or initial and last name with SSN; financial account, credit or debit card number and any required security code, access code or password; or driver licence or state identification card number, when unencrypted or not protected by another method that renders the data unreadable or unusable (13-44-102)',
      url: S102,
      audience: 'definition',
    },
    {
      fact: 'a prompt good-faith investigation; residents notified only if misuse for identity theft or fraud has occurred or is reasonably likely, in the most expedient time possible without unreasonable delay (13-44-202(1)-(2))',
      url: S202,
      audience: 'individuals',
    },
    {
      fact: 'a person maintaining data it does not own notifies and cooperates with the owner immediately following discovery, if misuse occurs or is reasonably likely (13-44-202(3))',
      url: S202,
      audience: 'controller',
    },
    {
      fact: 'notice may be delayed at the request of a law enforcement agency that determines it may impede a criminal investigation (13-44-202(4))',
      url: S202,
      audience: 'individuals',
    },
  ],
  notes: [
    'Account, credit or debit card numbers count only with any required security code, access code or password (13-44-102; not modelled).',
  ],
};
