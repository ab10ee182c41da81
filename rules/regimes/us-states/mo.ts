import type { StateLaw } from './types';
import { CHART, MED, CT_, ag, WITH } from './shared';

export const MO: StateLaw = {
  code: 'MO',
  citation: 'Mo. Rev. Stat. § 407.1500',
  url: CHART,
  zone: CT_,
  extra: MED,
  harm: true,
  individuals: {},
  regulators: [ag(1001, WITH)],
  cra: { min: 1001 },
};
