import type { StateLaw } from './types';
import { CHART, CT_ } from './shared';

export const KS: StateLaw = {
  code: 'KS',
  citation: 'Kan. Stat. §§ 50-7a01 to -7a04',
  url: CHART,
  zone: CT_,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
};
