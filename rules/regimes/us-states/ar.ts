import type { StateLaw } from './types';
import { CHART, MED, CT_, ag } from './shared';

export const AR: StateLaw = {
  code: 'AR',
  citation: 'Ark. Code §§ 4-110-101 to -108',
  url: CHART,
  zone: CT_,
  extra: [...MED, 'biometric'],
  harm: true,
  individuals: {},
  regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
  notes: [
    'The Attorney General notice is due at the time residents are notified or within 45 days of the determination, whichever is first.',
  ],
};
