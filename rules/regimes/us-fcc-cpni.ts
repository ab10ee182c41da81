import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { buildObligation, count, inForce } from '../obligation';
import { LAW_ENFORCEMENT } from '../deadline';

// FCC CPNI breach rule for telecommunications carriers, 47 CFR 64.2011.

const URL = 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-U/section-64.2011';
/** The 2021 eCFR text of 64.2011 (the rule of 2007), as read. */
const TEXT_2021 = 'https://www.ecfr.gov/cgi-bin/text-idx?mc=true&node=se47.3.64_12011&rgn=div8';
/** FCC 23-111 as published: effective 2024-03-13 except the amendments to 64.2011, delayed indefinitely. */
const ORDER_FR = 'https://regulations.justia.com/regulations/fedreg/2024/02/12/2024-01667.html';
const ZONE = 'America/New_York';

export const US_FCC_CPNI: RegimeInfo = {
  id: 'us-fcc-cpni',
  name: 'FCC CPNI breach notification (telecommunications carriers)',
  citation: '47 CFR 64.2011',
  sourceUrl: URL,
  commencement: '2007-12-08',
};

export function evaluateCpni(f: Facts): Obligation[] {
  if (!f.sectors.includes('telecom-provider')) return [];
  const people = count(f, (c) => c === 'US' || c.startsWith('US-'));
  if (people === 0 || !inForce(f, US_FCC_CPNI, ZONE)) return [];
  const sources: Source[] = [
    {
      fact: 'law enforcement (USSS and FBI through the central reporting facility) as soon as practicable and no later than 7 business days after reasonable determination of the breach; no customer notice until that notice is made (64.2011(a)-(b))',
      url: TEXT_2021,
      confirmed: true,
    },
    {
      fact: 'the 2023 amendments to 64.2011 (FCC 23-111) are delayed indefinitely until the Commission announces their effective date in the Federal Register (FR Doc. 2024-01667, DATES); the amended text keeps the 7 business days and adds the Commission as a recipient',
      url: ORDER_FR,
      confirmed: true,
    },
    {
      fact: 'that an effective date for the amended 64.2011 has been announced: the catalog follows the amended rule for customers (no 7-full-business-day wait after the law enforcement notice, no customer notice where harm is reasonably unlikely), which the rule of 2007 (64.2011(b)(1), (c)) does not have',
      url: URL,
      confirmed: false,
    },
  ];
  const scope = `${people} US customers affected; CPNI of a telecommunications carrier assumed involved (the sector says so).`;
  const harm = f.riskLevel !== 'none';
  return [
    buildObligation(f, {
      regime: US_FCC_CPNI,
      audience: 'regulator',
      recipientKey: 'law-enforcement',
      recipient: 'FCC, U.S. Secret Service and FBI (central reporting facility, fcc.gov/eb/cpni)',
      required: true,
      deadline: {
        period: { unit: 'businessDays', n: 7, calendar: 'us-federal' },
        from: { kind: 'notifiable' },
        zone: ZONE,
        text: 'as soon as practicable, and no later than 7 business days after reasonable determination of the breach',
      },
      basis: '47 CFR 64.2011(b)',
      why: [
        scope,
        'Every breach of CPNI is reported to law enforcement before customers or the public are told; the 2023 amendments, which add the Commission, were delayed indefinitely (FR Doc. 2024-01667), so notify the Commission too if their effective date has been announced.',
      ],
      content: [
        'entity_contacts',
        'nature',
        'occurred_at',
        'discovered_at',
        'approximate_people',
        'categories_of_data',
      ],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: US_FCC_CPNI,
      audience: 'individuals',
      recipientKey: 'customers',
      recipient: 'Affected customers',
      required: harm,
      deadline: {
        period: { unit: 'none' },
        from: {
          kind: 'notice',
          regime: 'us-fcc-cpni',
          audience: 'regulator',
          label: 'the notice to law enforcement',
        },
        zone: ZONE,
        text: 'without unreasonable delay after notifying law enforcement, unless law enforcement asks for a delay',
      },
      basis: '47 CFR 64.2011(b)-(c)',
      why: [
        scope,
        harm
          ? 'Customers are told after the law enforcement notice; an investigating agency may ask for a delay.'
          : "Risk assessed as 'none': taken as the carrier's reasonable determination that no harm to customers is reasonably likely (2023 amendments), so no customer notice.",
      ],
      content: ['nature', 'occurred_at', 'categories_of_data', 'steps_for_individuals', 'contact_point'],
      hold: {
        sources: LAW_ENFORCEMENT,
        note: '47 CFR 64.2011(b)(3) lets the investigating agency direct the carrier not to notify customers while notice would impede a criminal investigation or national security',
      },
      sources,
    }),
  ];
}
