import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag, WITH } from './shared';

export const DE: StateLaw = {
  code: 'DE',
  citation: 'Del. Code tit. 6, §§ 12B-101 to -104',
  url: CHART,
  zone: ET,
  extra: ['passport', 'tax_id', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 60, from: 'determination' },
  regulators: [ag(501, WITH)],
  creditMonitoring: { months: 12, elements: ['national_id'] },
};
