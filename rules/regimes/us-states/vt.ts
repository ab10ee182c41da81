import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag } from './shared';

export const VT: StateLaw = {
  code: 'VT',
  citation: 'Vt. Stat. tit. 9, § 2435',
  url: CHART,
  zone: ET,
  extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
  alone: CRED,
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [
    {
      ...ag(
        1,
        { kind: 'fromDiscovery', days: 14, businessDays: true },
        'Attorney General (or the Department of Financial Regulation)',
      ),
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
  notes: [
    'The 14-business-day preliminary notice to the Attorney General counts weekends only; Vermont state holidays are not in the calendar.',
  ],
};
