import type { StateLaw } from './types';
import { CHART, CRED, ET, ag, WITH } from './shared';

export const NY: StateLaw = {
  code: 'NY',
  citation: 'N.Y. Gen. Bus. Law § 899-aa',
  url: CHART,
  zone: ET,
  extra: ['biometric'],
  alone: CRED,
  harm: false,
  individuals: {},
  regulators: [
    ag(1, WITH),
    { key: 'department-of-state', name: 'Department of State', min: 1, when: WITH },
    { key: 'state-police', name: 'Division of State Police', min: 1, when: WITH },
  ],
  cra: { min: 5001 },
  amendments: [
    {
      from: '2024-12-21',
      citation: 'N.Y. Gen. Bus. Law § 899-aa as amended in 2024',
      change: { individuals: { days: 30, from: 'discovery' } },
    },
    {
      from: '2025-03-21',
      citation: 'N.Y. Gen. Bus. Law § 899-aa as amended in 2024-2025',
      change: {
        individuals: { days: 30, from: 'discovery' },
        regulators: [
          ag(1, WITH),
          { key: 'department-of-state', name: 'Department of State', min: 1, when: WITH },
          { key: 'state-police', name: 'Division of State Police', min: 1, when: WITH },
          { key: 'dfs', name: 'Department of Financial Services', min: 1, when: WITH },
        ],
      },
    },
  ],
  notes: ['Harm exemption only for inadvertent disclosure by authorised persons, not modelled.'],
};
