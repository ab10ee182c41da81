import type { StateLaw } from './types';
import { CHART, CRED, ET } from './shared';

export const NJ: StateLaw = {
  code: 'NJ',
  citation: 'N.J. Stat. §§ 56:8-161 to -166',
  url: CHART,
  zone: ET,
  extra: [],
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [
    {
      key: 'state-police',
      name: 'Division of State Police, Department of Law and Public Safety',
      min: 1,
      when: { kind: 'beforeIndividuals' },
    },
  ],
  cra: { min: 1001 },
};
