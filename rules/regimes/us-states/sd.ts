import type { StateLaw } from './types';
import { CHART, CRED, CT_, ag, WITH } from './shared';

export const SD: StateLaw = {
  code: 'SD',
  citation: 'S.D. Codified Laws §§ 22-40-19 to -26',
  url: CHART,
  zone: CT_,
  extra: ['passport', 'health', 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 60, from: 'discovery' },
  regulators: [{ ...ag(251, WITH), onNoHarm: true }],
  cra: { min: 1 },
};
