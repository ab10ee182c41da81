import type { StateLaw } from './types';
import { CHART, CT_, ag } from './shared';

export const LA: StateLaw = {
  code: 'LA',
  citation: 'La. Rev. Stat. §§ 51:3071-3077; La. Admin. Code tit. 16, § III.701',
  url: CHART,
  zone: CT_,
  extra: ['passport', 'biometric'],
  harm: true,
  individuals: { days: 60, from: 'discovery' },
  regulators: [ag(1, { kind: 'afterIndividuals', days: 10 })],
};
