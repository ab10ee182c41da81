import type { StateLaw } from './types';
import { CHART, CRED, ET, ag, WITH } from './shared';

export const ME: StateLaw = {
  code: 'ME',
  citation: 'Me. Rev. Stat. tit. 10, §§ 1346-1350-B',
  url: CHART,
  zone: ET,
  extra: [],
  alone: CRED,
  harm: true,
  individuals: { days: 30, from: 'discovery' },
  regulators: [
    ag(1, WITH, 'Attorney General (or the Department of Professional and Financial Regulation for regulated entities)'),
  ],
  cra: { min: 1001 },
};
