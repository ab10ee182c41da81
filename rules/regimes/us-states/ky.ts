import type { StateLaw } from './types';
import { CHART, ET } from './shared';

export const KY: StateLaw = {
  code: 'KY',
  citation: 'Ky. Rev. Stat. § 365.732',
  url: CHART,
  zone: ET,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
};
