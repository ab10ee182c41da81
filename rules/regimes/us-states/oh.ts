import type { StateLaw } from './types';
import { CHART, ET } from './shared';

export const OH: StateLaw = {
  code: 'OH',
  citation: 'Ohio Rev. Code §§ 1349.19-.192',
  url: CHART,
  zone: ET,
  extra: [],
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  cra: { min: 1001 },
};
