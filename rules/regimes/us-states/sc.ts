import type { StateLaw } from './types';
import { CHART, ET, WITH } from './shared';

export const SC: StateLaw = {
  code: 'SC',
  citation: 'S.C. Code § 39-1-90',
  url: CHART,
  zone: ET,
  // S.C. Code 39-1-90(D)(3): numbers issued by a governmental or regulatory entity that uniquely identify a person.
  extra: ['passport'],
  harm: true,
  individuals: {},
  regulators: [{ key: 'consumer-affairs', name: 'Department of Consumer Affairs', min: 1001, when: WITH }],
  cra: { min: 1001 },
};
