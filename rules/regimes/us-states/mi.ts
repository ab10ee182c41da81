import type { StateLaw } from './types';
import { CHART } from './shared';

export const MI: StateLaw = {
  code: 'MI',
  citation: 'Mich. Comp. Laws §§ 445.63, 445.72',
  url: CHART,
  zone: 'America/Detroit',
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
};
