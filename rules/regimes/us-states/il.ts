import type { StateLaw } from './types';
import { CHART, MED, CRED, CT_, ag, WITH } from './shared';

export const IL: StateLaw = {
  code: 'IL',
  citation: '815 ILCS 530',
  url: CHART,
  zone: CT_,
  extra: ['passport', 'tax_id', ...MED, 'biometric'],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [ag(501, WITH)],
};
