import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag, WITH } from './shared';

export const PA: StateLaw = {
  code: 'PA',
  citation: '73 Pa. Stat. §§ 2301-2330',
  url: CHART,
  zone: ET,
  extra: MED,
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [ag(501, WITH)],
  cra: { min: 1001 },
  creditMonitoring: { months: 12, elements: ['national_id', 'financial_account', 'drivers_license'] },
};
