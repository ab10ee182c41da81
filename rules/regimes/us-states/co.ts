import type { StateLaw } from './types';
import { CHART, MED, CRED, MT_, ag } from './shared';

export const CO: StateLaw = {
  code: 'CO',
  citation: 'Colo. Rev. Stat. § 6-1-716',
  url: CHART,
  zone: MT_,
  // HB 18-1128 (from 2018-09-01): medical information and health insurance identification numbers count.
  extra: ['passport', 'biometric', ...MED],
  alone: CRED,
  harm: true,
  individuals: { days: 30, from: 'determination' },
  regulators: [ag(500, { kind: 'fromDetermination', days: 30 })],
  cra: { min: 1001 },
};
