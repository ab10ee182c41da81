import type { StateLaw } from './types';
import { CHART, ET } from './shared';

export const GA: StateLaw = {
  code: 'GA',
  citation: 'Ga. Code §§ 10-1-910 to -912',
  url: CHART,
  zone: ET,
  extra: [],
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 10001 },
  processorHours: 24,
};
