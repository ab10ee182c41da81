import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, inForce, localAwarenessDate } from '../obligation';

// NYDFS Cybersecurity Regulation, 23 NYCRR 500.17.

const URL = 'https://www.dfs.ny.gov/industry_guidance/cybersecurity';
/** The text of 500.17 as amended (Cornell LII's reproduction of the NYCRR). */
const TEXT_URL = 'https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17';

export const US_NYDFS: RegimeInfo = {
  id: 'us-nydfs',
  name: 'NYDFS Cybersecurity Regulation',
  citation: '23 NYCRR 500.17(a)',
  sourceUrl: URL,
  commencement: '2017-03-01',
};

const EXTORTION_FROM = '2023-12-01';

export function evaluateNydfs(f: Facts): Obligation[] {
  if (!f.sectors.includes('nydfs') || !inForce(f, US_NYDFS, 'America/New_York')) return [];
  const required = f.riskLevel !== 'none';
  const out = [
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
        f.extortionPaymentAt
          ? 'An extortion payment is recorded: its 24-hour notice and 30-day justification are separate obligations (500.17(c)).'
          : 'No extortion payment is recorded (extortionPaymentAt); if one is made, 500.17(c) requires notice within 24 hours and a written justification within 30 days.',
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
      sources: [
        {
          fact: 'the Superintendent is notified electronically as promptly as possible and no later than 72 hours after determining that a cybersecurity incident has occurred at the covered entity, its affiliates or a third-party service provider (500.17(a)(1))',
          url: TEXT_URL,
          confirmed: true,
        },
      ],
    }),
  ];
  if (f.extortionPaymentAt && localAwarenessDate(f, 'America/New_York') >= EXTORTION_FROM) out.push(...extortion(f));
  return out;
}

/**
 * 23 NYCRR 500.17(c), added by the Second Amendment (in force from 2023-12-01): a covered entity that makes an
 * extortion payment notifies the Superintendent within 24 hours of the payment and, within 30 days, gives a
 * written description of why it was necessary, the alternatives considered and the sanctions diligence.
 * Every extortion payment is notified, whatever the risk assessment, so both are required once a payment is recorded.
 */
function extortion(f: Facts): Obligation[] {
  const sources = [
    {
      fact: 'extortion payment: notice within 24 hours, written justification within 30 days (500.17(c), Second Amendment of 2023-11-01)',
      url: URL,
      confirmed: false,
    },
  ];
  const why = [`An extortion payment was made at ${f.extortionPaymentAt}.`];
  return [
    buildObligation(f, {
      regime: US_NYDFS,
      audience: 'regulator',
      recipientKey: 'superintendent-extortion-payment',
      recipient: 'Superintendent of Financial Services (NYDFS portal): extortion payment notice',
      required: true,
      deadline: {
        period: { unit: 'hours', n: 24 },
        from: { kind: 'extortionPayment' },
        zone: 'America/New_York',
        text: 'within 24 hours of the extortion payment',
      },
      basis: '23 NYCRR 500.17(c)(1)',
      why: [...why, 'Notify the Superintendent electronically that the payment was made.'],
      content: ['extortion_payment', 'contact_point'],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: US_NYDFS,
      audience: 'regulator',
      recipientKey: 'superintendent-extortion-justification',
      recipient: 'Superintendent of Financial Services (NYDFS portal): written justification of the extortion payment',
      required: true,
      deadline: {
        period: { unit: 'days', n: 30 },
        from: { kind: 'extortionPayment' },
        zone: 'America/New_York',
        text: 'within 30 days of the extortion payment',
      },
      basis: '23 NYCRR 500.17(c)(2)',
      why: [
        ...why,
        'Give a written description of the reasons the payment was necessary, the alternatives to payment considered, all diligence to find alternatives, and all diligence to ensure compliance with applicable sanctions rules.',
      ],
      content: ['extortion_justification'],
      hold: null,
      sources,
    }),
  ];
}
