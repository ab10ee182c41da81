import type { StateLaw } from './types';
import { CHART, ET } from './shared';

export const WV: StateLaw = {
  code: 'WV',
  citation: 'W. Va. Code §§ 46A-2A-101 to -105',
  url: CHART,
  zone: ET,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
};
