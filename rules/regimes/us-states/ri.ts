import type { StateLaw } from './types';
import { CHART, CRED, ET, MED, WITH, ag } from './shared';

export const RI: StateLaw = {
  code: 'RI',
  citation: 'R.I. Gen. Laws §§ 11-49.3-1 to -6',
  url: CHART,
  zone: ET,
  // § 11-49.3-3 lists a driver's licence, Rhode Island or tribal identification number, not a passport: the
  // passport the entry had was over-included (issue 13; from two law-firm summaries of the definition).
  extra: [...MED],
  alone: CRED,
  harm: true,
  individuals: { days: 45, from: 'determination' },
  regulators: [ag(501, WITH)],
  cra: { min: 501 },
  checked: [
    {
      fact: 'individuals in the most expedient time possible and no later than 45 calendar days after confirmation of the breach (a determination clock), when the breach poses a significant risk of identity theft (11-49.3-4(a)(1)-(2))',
      url: 'https://lawserver.com/law/state/rhode-island/ri-laws/rhode_island_general_laws_11-49-3-4',
    },
  ],
};
