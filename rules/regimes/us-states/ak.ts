import type { StateLaw } from './types';
import { CHART } from './shared';

export const AK: StateLaw = {
  code: 'AK',
  citation: 'Alaska Stat. §§ 45.48.010-.090',
  url: CHART,
  zone: 'America/Anchorage',
  extra: [],
  harm: true,
  individuals: {},
  regulators: [
    {
      key: 'attorney-general',
      name: 'Attorney General',
      min: Number.POSITIVE_INFINITY,
      when: { kind: 'expedient' },
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
};
