import type { StateLaw } from './types';
import { CHART, CRED, ET, ag, WITH } from './shared';

export const NC: StateLaw = {
  code: 'NC',
  citation: 'N.C. Gen. Stat. §§ 75-61, 75-65',
  url: CHART,
  zone: ET,
  extra: ['passport', 'tax_id', 'biometric'],
  alone: CRED,
  harm: true,
  individuals: {},
  regulators: [ag(1, WITH, 'Attorney General, Consumer Protection Division')],
  cra: { min: 1001 },
};
