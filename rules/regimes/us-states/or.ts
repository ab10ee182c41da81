import type { StateLaw } from './types';
import { CHART, MED, CRED, PT, ag, WITH } from './shared';

export const OR: StateLaw = {
  code: 'OR',
  citation: 'Or. Rev. Stat. §§ 646A.600-.628',
  url: CHART,
  zone: PT,
  extra: ['passport', 'tax_id', ...MED, 'biometric'],
  alone: CRED,
  harm: true,
  individuals: { days: 45, from: 'discovery' },
  regulators: [ag(251, WITH)],
  cra: { min: 1001 },
  // ORS 646A.604(2)(a) (SB 684, from 2020-01-01): a vendor tells the covered entity within 10 days of discovering
  // the breach or having reason to believe it occurred (a determination clock). The vendor's own notice to the
  // Attorney General above 250 consumers (646A.604(2)(c)) is not modelled.
  amendments: [
    {
      from: '2020-01-01',
      citation: 'Or. Rev. Stat. §§ 646A.600-.628 as amended by SB 684 (2019)',
      change: {
        processorDays: 10,
        checked: [
          {
            fact: 'vendor notifies the covered entity as soon as practicable and no later than 10 days after discovering the breach or having reason to believe it occurred (646A.604(2)(a))',
            url: 'https://www.oregonlaws.org/ors/646A.604',
          },
        ],
      },
    },
  ],
};
