import type { StateLaw } from './types';
import { CHART, MT_, ag, WITH } from './shared';

export const UT: StateLaw = {
  code: 'UT',
  citation: 'Utah Code §§ 13-44-101 to -301',
  url: CHART,
  zone: MT_,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [ag(500, WITH), { key: 'cyber-center', name: 'Utah Cyber Center', min: 500, when: WITH }],
  // § 13-44-202 says "1,000 or more Utah residents" (Perkins Coie chart, S.B. 98 of 2024), not "more than": the threshold is at 1,000 itself.
  cra: { min: 1000 },
};
