import type { StateLaw } from './types';
import { CHART, ag, WITH } from './shared';

export const IN: StateLaw = {
  code: 'IN',
  citation: 'Ind. Code §§ 24-4.9',
  url: CHART,
  zone: 'America/Indiana/Indianapolis',
  extra: [],
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(1, WITH)],
  cra: { min: 1001 },
};
