import type { StateLaw } from './types';
import { CHART } from './shared';

export const PR: StateLaw = {
  code: 'PR',
  citation: 'P.R. Laws tit. 10, §§ 4051-4055',
  url: CHART,
  zone: 'America/Puerto_Rico',
  // 10 L.P.R.A. 4051: other official identification, tax information and HIPAA-protected medical information.
  extra: ['passport', 'tax_id', 'health'],
  harm: false,
  individuals: {},
  regulators: [
    { key: 'daco', name: 'Department of Consumer Affairs (DACO)', min: 1, when: { kind: 'fromDiscovery', days: 10 } },
  ],
};
