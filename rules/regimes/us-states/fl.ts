import type { StateLaw } from './types';
import { CHART, MED, CRED, ET } from './shared';

export const FL: StateLaw = {
  code: 'FL',
  citation: 'Fla. Stat. § 501.171',
  url: CHART,
  zone: ET,
  extra: ['passport', ...MED],
  alone: CRED,
  harm: true,
  individuals: { days: 30, from: 'determination' },
  regulators: [
    {
      key: 'attorney-general',
      name: 'Department of Legal Affairs (Attorney General)',
      min: 500,
      when: { kind: 'fromDetermination', days: 30 },
      onNoHarm: true,
    },
  ],
  cra: { min: 1001 },
  processorDays: 10,
  holdWritten: true,
};
