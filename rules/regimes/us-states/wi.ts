import type { StateLaw } from './types';
import { CHART, CT_ } from './shared';

export const WI: StateLaw = {
  code: 'WI',
  citation: 'Wis. Stat. § 134.98',
  url: CHART,
  zone: CT_,
  extra: ['biometric', 'genetic'],
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [],
  cra: { min: 1001 },
};
