import type { StateLaw } from './types';
import { CHART } from './shared';

export const ID: StateLaw = {
  code: 'ID',
  citation: 'Idaho Code §§ 28-51-104 to -107',
  url: CHART,
  zone: 'America/Boise',
  extra: [],
  harm: true,
  individuals: {},
  regulators: [],
};
