import type { StateLaw } from './types';
import { CHART, CRED, CT_, ag, WITH } from './shared';

export const NE: StateLaw = {
  code: 'NE',
  citation: 'Neb. Rev. Stat. §§ 87-801 to -808',
  url: CHART,
  zone: CT_,
  extra: ['biometric'],
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [ag(1, WITH)],
};
