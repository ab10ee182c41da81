import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, hasAny, inForce } from '../obligation';

// South Korea PIPA Art. 34 and Enforcement Decree Arts. 39-40 (as amended from 2023-09-15).

const URL = 'https://www.law.go.kr/LSW/eng/engLsSc.do?menuId=2&query=PERSONAL%20INFORMATION%20PROTECTION%20ACT';
const ZONE = 'Asia/Seoul';

export const KR_PIPA: RegimeInfo = {
  id: 'kr-pipa',
  name: 'South Korea Personal Information Protection Act',
  citation: 'PIPA Art. 34; Enforcement Decree Arts. 39, 40',
  sourceUrl: URL,
  commencement: '2023-09-15',
};

const UNIQUE_OR_SENSITIVE = ['national_id', 'passport', 'drivers_license', 'health', 'genetic', 'biometric'];

export function evaluatePipa(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'KR');
  if (people === 0 || !inForce(f, KR_PIPA, ZONE)) return [];
  const scope = `${people} affected people in South Korea.`;
  const sensitive = hasAny(f, UNIQUE_OR_SENSITIVE);
  const reportable = people >= 1000 || sensitive;
  const sources = [
    {
      fact: 'on becoming aware of loss, theft or divulgence, notify the data subjects without delay and report without delay to the Protection Commission or a specialised institution designated by Presidential Decree, as the Decree prescribes by the type of information and the process and scale of the divulgence (Act Art. 34(1), (3))',
      url: 'https://prighter.com/resources/laws/korean-pipa/main/articles/article-34',
      confirmed: true,
    },
    {
      fact: 'individuals within 72 hours of awareness; PIPC or KISA within 72 hours when 1,000 or more people, sensitive or unique identifying information, or external hacking (Decree Arts. 39-40)',
      url: URL,
      confirmed: false,
    },
  ];
  const h72 = {
    period: { unit: 'hours', n: 72 } as const,
    from: { kind: 'awareness' } as const,
    zone: ZONE,
    text: '72 hours from awareness',
  };
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: KR_PIPA,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The personal information controller that outsourced the processing',
        required: true,
        deadline: { ...h72, period: { unit: 'none' }, text: 'without delay' },
        basis: 'PIPA Art. 26',
        why: [scope, 'The outsourcee acts under the controller, which must notify within 72 hours; tell it at once.'],
        content: ['nature', 'categories_of_data', 'approximate_people', 'discovered_at'],
        hold: null,
        sources,
      }),
    ];
  }
  return [
    buildObligation(f, {
      regime: KR_PIPA,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected data subjects',
      required: true,
      deadline: h72,
      basis: 'PIPA Art. 34(1); Decree Art. 39',
      why: [
        scope,
        'Any leak is notified to the data subjects, whatever the risk or encryption; where contact details are missing, post a notice on the website for 30 days or more.',
      ],
      content: ['categories_of_data', 'occurred_at', 'steps_for_individuals', 'measures_taken', 'contact_point'],
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: KR_PIPA,
      audience: 'regulator',
      recipientKey: 'pipc',
      recipient: 'Personal Information Protection Commission or KISA',
      required: reportable,
      deadline: h72,
      basis: 'PIPA Art. 34(3); Decree Art. 40',
      why: [
        scope,
        reportable
          ? `Report: ${people >= 1000 ? '1,000 or more people' : 'sensitive or unique identifying information involved'}.`
          : 'Fewer than 1,000 people and no sensitive or unique identifying information: no report on those grounds (a leak by external hacking is reportable at any size; not modelled).',
      ],
      content: ['categories_of_data', 'occurred_at', 'approximate_people', 'measures_taken', 'contact_point'],
      hold: null,
      sources,
    }),
  ];
}
