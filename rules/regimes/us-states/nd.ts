import type { StateLaw } from './types';
import { CHART, MED, CRED, CT_, ag, WITH } from './shared';

export const ND: StateLaw = {
  code: 'ND',
  citation: 'N.D. Cent. Code §§ 51-30-01 to -07',
  url: CHART,
  zone: CT_,
  extra: ['date_of_birth', ...MED, 'biometric'],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [ag(251, WITH)],
};
