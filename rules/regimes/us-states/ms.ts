import type { StateLaw } from './types';
import { CHART, CT_ } from './shared';

export const MS: StateLaw = {
  code: 'MS',
  citation: 'Miss. Code § 75-24-29',
  url: CHART,
  zone: CT_,
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
};
