import type { StateLaw } from './types';
import { CHART, CRED, PT } from './shared';

export const NV: StateLaw = {
  code: 'NV',
  citation: 'Nev. Rev. Stat. §§ 603A.010-.290',
  url: CHART,
  zone: PT,
  // NRS 603A.040: a medical identification number or health insurance identification number counts.
  extra: ['health_insurance'],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
};
