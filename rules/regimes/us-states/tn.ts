import type { StateLaw } from './types';
import { CHART, ET } from './shared';

export const TN: StateLaw = {
  code: 'TN',
  citation: 'Tenn. Code § 47-18-2107',
  url: CHART,
  zone: ET,
  extra: [],
  harm: false,
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  cra: { min: 1001 },
};
