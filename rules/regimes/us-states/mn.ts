import type { StateLaw } from './types';
import { CHART, CT_ } from './shared';

export const MN: StateLaw = {
  code: 'MN',
  citation: 'Minn. Stat. § 325E.61',
  url: CHART,
  zone: CT_,
  extra: [],
  harm: false,
  individuals: {},
  regulators: [],
  cra: { min: 501 },
  notes: [
    'Consumer reporting agencies are to be told within 48 hours when more than 500 people are notified at one time.',
  ],
};
