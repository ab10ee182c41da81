import type { StateLaw } from './types';
import { CHART, ET, ag, WITH } from './shared';

export const VA: StateLaw = {
  code: 'VA',
  citation: 'Va. Code §§ 18.2-186.6, 32.1-127.1:05',
  url: CHART,
  zone: ET,
  extra: ['passport', 'health'],
  harm: true,
  individuals: {},
  regulators: [ag(1, WITH)],
  cra: { min: 1001 },
};
