import type { StateLaw } from './types';
import { CHART, MED, CRED, PT, ag } from './shared';

export const WA: StateLaw = {
  code: 'WA',
  citation: 'Wash. Rev. Code § 19.255.010',
  url: CHART,
  zone: PT,
  extra: ['date_of_birth', 'passport', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 30, from: 'discovery' },
  regulators: [ag(501, { kind: 'fromDiscovery', days: 30 })],
};
