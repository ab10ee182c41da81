import type { StateLaw } from './types';
import { CT_, ag } from './shared';

export const TX: StateLaw = {
  code: 'TX',
  citation: 'Tex. Bus. & Com. Code § 521.053',
  url: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.521.htm',
  zone: CT_,
  // 521.002(a)(2): a government-issued identification number (a passport among them) counts with a name.
  extra: ['health', 'passport'],
  harm: false,
  individuals: { days: 60, from: 'determination' },
  regulators: [ag(250, { kind: 'fromDetermination', days: 30 })],
  cra: { min: 10001 },
  checked: [
    {
      fact: 'individuals within 60 days of determining the breach; Attorney General within 30 days when 250 or more residents; CRAs when more than 10,000',
      url: 'https://www.dwt.com/blogs/privacy--security-law-blog/2023/06/texas-data-breach-notification-law-update',
    },
  ],
};
