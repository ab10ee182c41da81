import type { StateLaw } from './types';
import { CHART } from './shared';

export const VI: StateLaw = {
  code: 'VI',
  citation: 'V.I. Code tit. 14, §§ 2208-2212',
  url: CHART,
  zone: 'America/St_Thomas',
  extra: [],
  harm: false,
  individuals: {},
  regulators: [],
};
