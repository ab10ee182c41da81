import type { StateLaw } from './types';
import { CHART, MT_, ag, WITH } from './shared';

export const MT: StateLaw = {
  code: 'MT',
  citation: 'Mont. Code §§ 30-14-1704, 2-6-1503',
  url: CHART,
  zone: MT_,
  // Mont. Code 30-14-1704(4)(b): medical record information counts.
  extra: ['tax_id', 'health_insurance', 'health'],
  harm: true,
  individuals: {},
  regulators: [ag(1, WITH, 'Office of Consumer Protection, Department of Justice')],
};
