import type { StateLaw } from './types';
import { CHART, MED, CRED, CT_, ag } from './shared';

export const AL: StateLaw = {
  code: 'AL',
  citation: 'Ala. Code §§ 8-38-1 to -12',
  url: CHART,
  zone: CT_,
  extra: ['tax_id', 'passport', ...MED, ...CRED],
  harm: true,
  individuals: { days: 45, from: 'determination' },
  regulators: [ag(1001, { kind: 'fromDetermination', days: 45 })],
  cra: { min: 1001 },
  processorDays: 10,
  // § 8-38-5(c): the delay needs a written request of the law enforcement agency.
  holdWritten: true,
  checked: [
    {
      fact: "individuals within 45 days of the determination that a breach occurred and is reasonably likely to cause substantial harm, or of a third-party agent's notice (8-38-5(a)-(b))",
      url: 'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/',
    },
    {
      fact: 'notice to individuals is delayed on the written request of a federal or state law enforcement agency (8-38-5(c))',
      url: 'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/',
      audience: 'individuals',
    },
    {
      fact: 'a third-party agent notifies the covered entity no later than 10 days after determining the breach or having reason to believe it occurred (8-38-8)',
      url: 'https://alison.legislature.state.al.us/code-of-alabama?section=8-38-8',
    },
  ],
};
