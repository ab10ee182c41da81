import type { StateLaw } from './types';
import { CHART, MED, CRED, MT_ } from './shared';

export const WY: StateLaw = {
  code: 'WY',
  citation: 'Wyo. Stat. §§ 40-12-501 to -502',
  url: CHART,
  zone: MT_,
  extra: ['tax_id', 'passport', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [],
};
