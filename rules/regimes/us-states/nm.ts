import type { StateLaw } from './types';
import { CHART, MT_, ag } from './shared';

export const NM: StateLaw = {
  code: 'NM',
  citation: 'N.M. Stat. §§ 57-12C-1 to -12',
  url: CHART,
  zone: MT_,
  extra: ['biometric'],
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(1001, { kind: 'fromDiscovery', days: 45 })],
  cra: { min: 1001 },
};
