import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag, WITH } from './shared';

export const DC: StateLaw = {
  code: 'DC',
  citation: 'D.C. Code §§ 28-3851 to -3853',
  url: CHART,
  zone: ET,
  extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [ag(50, WITH, 'Office of the Attorney General for the District of Columbia')],
  cra: { min: 1001 },
  creditMonitoring: { months: 18, elements: ['national_id', 'tax_id'] },
};
