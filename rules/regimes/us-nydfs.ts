import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, inForce } from '../obligation';

// NYDFS Cybersecurity Regulation, 23 NYCRR 500.17.

const URL = 'https://www.dfs.ny.gov/industry_guidance/cybersecurity';

export const US_NYDFS: RegimeInfo = {
  id: 'us-nydfs',
  name: 'NYDFS Cybersecurity Regulation',
  citation: '23 NYCRR 500.17(a)',
  sourceUrl: URL,
  commencement: '2017-03-01',
};

export function evaluateNydfs(f: Facts): Obligation[] {
  if (!f.sectors.includes('nydfs') || !inForce(f, US_NYDFS, 'America/New_York')) return [];
  const required = f.riskLevel !== 'none';
  return [
    buildObligation(f, {
      regime: US_NYDFS,
      audience: 'regulator',
      recipientKey: 'superintendent',
      recipient: 'Superintendent of Financial Services (NYDFS portal)',
      required,
      deadline: {
        period: { unit: 'hours', n: 72 },
        from: { kind: 'notifiable' },
        zone: 'America/New_York',
        text: '72 hours from determining that a cybersecurity incident occurred',
      },
      basis: '23 NYCRR 500.17(a)(1)',
      why: [
        required
          ? 'A covered entity notifies the Superintendent as promptly as possible and no later than 72 hours after determining a reportable cybersecurity incident occurred (one requiring notice to another government body, likely to materially harm normal operations, or involving ransomware or privileged-account access).'
          : "Risk assessed as 'none': taken as not a reportable cybersecurity incident under 500.1 and 500.17(a); no notice.",
        'Extortion payments have a separate 24-hour notice and 30-day explanation (500.17(c)), not modelled.',
      ],
      content: [
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'approximate_people',
        'measures_taken',
        'contact_point',
      ],
      hold: null,
      sources: [{ fact: '72 hours from determination (500.17(a))', url: URL, confirmed: false }],
    }),
  ];
}
