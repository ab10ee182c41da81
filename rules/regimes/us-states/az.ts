import type { StateLaw } from './types';
import { CHART, MED, CRED, ag } from './shared';

export const AZ: StateLaw = {
  code: 'AZ',
  citation: 'Ariz. Rev. Stat. § 18-551 to -552',
  url: CHART,
  zone: 'America/Phoenix',
  extra: ['passport', 'tax_id', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 45, from: 'determination' },
  regulators: [
    ag(1001, { kind: 'fromDetermination', days: 45 }),
    {
      key: 'dhs',
      name: 'Arizona Department of Homeland Security',
      min: 1001,
      when: { kind: 'fromDetermination', days: 45 },
    },
  ],
  cra: { min: 1001 },
};
