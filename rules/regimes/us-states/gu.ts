import type { StateLaw } from './types';
import { CHART } from './shared';

export const GU: StateLaw = {
  code: 'GU',
  citation: '9 Guam Code §§ 48.10-.80',
  url: CHART,
  zone: 'Pacific/Guam',
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
};
