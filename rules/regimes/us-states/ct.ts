import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag, WITH } from './shared';

export const CT: StateLaw = {
  code: 'CT',
  citation: 'Conn. Gen. Stat. § 36a-701b',
  url: CHART,
  zone: ET,
  extra: ['tax_id', 'passport', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 60, from: 'discovery' },
  regulators: [ag(1, WITH)],
  creditMonitoring: { months: 24, elements: ['national_id', 'tax_id'] },
};
