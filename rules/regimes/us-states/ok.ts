import type { StateLaw } from './types';
import { CHART, CT_, ag } from './shared';

export const OK: StateLaw = {
  code: 'OK',
  citation: 'Okla. Stat. tit. 24, §§ 161-166',
  url: CHART,
  zone: CT_,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
  amendments: [
    {
      from: '2026-01-01',
      citation: 'Okla. Stat. tit. 24, §§ 161-166 as amended by SB 626 (2025)',
      change: { extra: ['biometric'], regulators: [ag(500, { kind: 'afterIndividuals', days: 60 })] },
    },
  ],
  checked: [
    {
      fact: 'from 2026-01-01 Attorney General notice for 500 or more residents, no more than 60 days after notifying residents (SB 626)',
      url: 'https://www.troutmanprivacy.com/?p=30240',
    },
  ],
};
