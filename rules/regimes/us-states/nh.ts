import type { StateLaw } from './types';
import { CHART, ET, ag, WITH } from './shared';

export const NH: StateLaw = {
  code: 'NH',
  citation: 'N.H. Rev. Stat. §§ 359-C:19-21',
  url: CHART,
  zone: ET,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [ag(1, WITH)],
  cra: { min: 1001 },
};
