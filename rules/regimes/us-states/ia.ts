import type { StateLaw } from './types';
import { CHART, CT_, ag } from './shared';

export const IA: StateLaw = {
  code: 'IA',
  citation: 'Iowa Code §§ 715C.1-.2',
  url: CHART,
  zone: CT_,
  extra: ['biometric', 'passport'],
  harm: true,
  individuals: {},
  regulators: [
    ag(
      501,
      { kind: 'afterIndividuals', days: 5, businessDays: true },
      'Attorney General, Consumer Protection Division',
    ),
  ],
};
