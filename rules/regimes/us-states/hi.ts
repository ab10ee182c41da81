import type { StateLaw } from './types';
import { CHART } from './shared';

export const HI: StateLaw = {
  code: 'HI',
  citation: 'Haw. Rev. Stat. §§ 487N-1 to -7',
  url: CHART,
  zone: 'Pacific/Honolulu',
  extra: [],
  harm: true,
  individuals: {},
  regulators: [
    { key: 'consumer-protection', name: 'Office of Consumer Protection', min: 1001, when: { kind: 'expedient' } },
  ],
  cra: { min: 1001 },
};
