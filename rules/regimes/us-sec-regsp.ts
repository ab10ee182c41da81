import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { buildObligation, count, hasAny, inForce, localAwarenessDate, safeHarbour } from '../obligation';
import type { HoldRule } from '../deadline';

// SEC Regulation S-P as amended in 2024 (Release 34-100155): 17 CFR 248.30(a)(3)-(5). Larger entities comply
// from 2025-12-03, smaller entities from 2026-06-03; the facts do not say which a covered institution is.

const URL = 'https://www.ecfr.gov/current/title-17/chapter-II/part-248/subpart-A/section-248.30';
const ZONE = 'America/New_York';
const SMALLER_FROM = '2026-06-03';

export const US_SEC_REG_SP: RegimeInfo = {
  id: 'us-sec-reg-sp',
  name: 'SEC Regulation S-P customer notification (2024 amendments)',
  citation: '17 CFR 248.30(a)(4)-(5)',
  sourceUrl: URL,
  commencement: '2025-12-03',
};

/** Sensitive customer information (248.30(d)): identifiers that alone or with an access code allow harm. */
const SENSITIVE = [
  'national_id',
  'drivers_license',
  'passport',
  'tax_id',
  'financial_account',
  'payment_card',
  'account_credentials',
  'biometric',
] as const;

const AG_HOLD: HoldRule = {
  sources: ['us_attorney_general'],
  forms: ['written'],
  note: 'Regulation S-P lets notice be delayed only when the U.S. Attorney General informs the Commission in writing that it poses a substantial risk to national security or public safety (30 days, extendable)',
};

export function evaluateRegSp(f: Facts): Obligation[] {
  if (!f.sectors.includes('sec-reg-sp')) return [];
  const people = count(f, () => true);
  if (people === 0 || !inForce(f, US_SEC_REG_SP, ZONE)) return [];
  const smallerNote =
    localAwarenessDate(f, ZONE) < SMALLER_FROM
      ? ` A smaller entity (under the SEC's size thresholds) complies only from ${SMALLER_FROM}; the facts do not say which we are, so the larger-entity date is used.`
      : '';
  const sources: Source[] = [
    {
      fact: 'individuals as soon as practicable and no later than 30 days after becoming aware (248.30(a)(4)); service provider to the institution within 72 hours (248.30(a)(5)); larger entities from 2025-12-03, smaller from 2026-06-03',
      url: URL,
      confirmed: false,
    },
  ];
  const sensitive = hasAny(f, SENSITIVE);
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: US_SEC_REG_SP,
        audience: 'controller',
        recipientKey: 'covered-institution',
        recipient: 'The covered institution we serve',
        required: !safeHarbour(f),
        deadline: {
          period: { unit: 'hours', n: 72 },
          from: { kind: 'awareness' },
          zone: ZONE,
          text: 'as soon as possible and no later than 72 hours after becoming aware of a breach in security',
        },
        basis: '17 CFR 248.30(a)(5)(i)',
        why: [
          `${people} customers affected.`,
          `As a service provider we notify the covered institution of a breach in security resulting in unauthorized access to a customer information system we maintain.${smallerNote}`,
        ],
        content: ['nature', 'categories_of_data', 'approximate_people', 'occurred_at', 'discovered_at'],
        hold: null,
        sources,
      }),
    ];
  }
  const harm = f.riskLevel !== 'none';
  const required = sensitive && !safeHarbour(f) && harm;
  return [
    buildObligation(f, {
      regime: US_SEC_REG_SP,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient:
        'Affected individuals whose sensitive customer information was or is reasonably likely to have been accessed',
      required,
      deadline: {
        period: { unit: 'days', n: 30 },
        from: { kind: 'awareness' },
        zone: ZONE,
        text: 'as soon as practicable, and no later than 30 days after becoming aware of the unauthorized access',
      },
      basis: '17 CFR 248.30(a)(4)',
      why: [
        `${people} customers affected.`,
        !sensitive
          ? 'No sensitive customer information among the data elements: no notice required.'
          : safeHarbour(f)
            ? 'The data was encrypted and the key not compromised: not reasonably likely to be used, no notice.'
            : harm
              ? 'Sensitive customer information accessed: notify each affected individual.'
              : "Risk assessed as 'none': taken as the institution's determination, after a reasonable investigation, that the information has not been and is not reasonably likely to be used in a way that would result in substantial harm or inconvenience; keep the record.",
        `Larger entities comply from 2025-12-03.${smallerNote}`,
      ],
      content: [
        'nature',
        'occurred_at',
        'categories_of_data',
        'contact_point',
        'steps_for_individuals',
        'regulator_contacts',
      ],
      hold: AG_HOLD,
      sources,
    }),
  ];
}
