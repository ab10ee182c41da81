import type { StateLaw } from './types';
import { CHART, MED, CRED, ET, ag } from './shared';

export const MD: StateLaw = {
  code: 'MD',
  citation: 'Md. Code Com. Law §§ 14-3501 to -3508',
  url: CHART,
  zone: ET,
  extra: ['passport', 'tax_id', ...MED, 'biometric', 'genetic'],
  alone: CRED,
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(1, { kind: 'beforeIndividuals' })],
  // § 14-3506(a) says "1,000 or more individuals", not "more than": the threshold is at 1,000 itself.
  cra: { min: 1000 },
  checked: [
    {
      fact: 'individuals as soon as reasonably practicable and no later than 45 days after the business discovers or is notified of the breach, unless it reasonably determines misuse is not likely (14-3504(b)(2)-(3))',
      url: 'https://lexace.ai/us/statute/maryland/CL-14-3504',
    },
  ],
};
