import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, hasAny, inForce } from '../obligation';

// Japan APPI Art. 26 and the PPC Enforcement Rules Arts. 7-10.

const URL = 'https://www.ppc.go.jp/en/legal/';
// The Rules' text (PPC Rules No. 3 of 2016, as in force from 2024-04-01) as reproduced article by article.
const RULES_ART7_URL =
  'https://iuris.jp/個人情報の保護に関する法律施行規則-第七条-個人の権利利益を害するおそれが大きいもの/jpn/a/68338';
const RULES_ART8_URL =
  'https://iuris.jp/個人情報の保護に関する法律施行規則-第八条-個人情報保護委員会への報告/jpn/a/68339';
const ZONE = 'Asia/Tokyo';

export const JP_APPI: RegimeInfo = {
  id: 'jp-appi',
  name: 'Japan Act on the Protection of Personal Information',
  citation: 'APPI Art. 26; PPC Enforcement Rules Arts. 7-10',
  sourceUrl: URL,
  commencement: '2022-04-01',
};

const SENSITIVE = ['health', 'genetic'];
const FINANCIAL = ['financial_account', 'payment_card', 'account_credentials'];

export function evaluateAppi(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'JP');
  if (people === 0 || !inForce(f, JP_APPI, ZONE)) return [];
  const grounds: string[] = [];
  if (hasAny(f, SENSITIVE)) grounds.push('special care-required personal information (Rules Art. 7(i))');
  if (hasAny(f, FINANCIAL)) grounds.push('data whose misuse may cause financial loss (Rules Art. 7(ii))');
  if (people > 1000) grounds.push(`more than 1,000 people (${people}) (Rules Art. 7(iv))`);
  const highEncryption = f.encrypted && !f.keyCompromised;
  const reportable = grounds.length > 0 && !highEncryption;
  const scope = `${people} affected people in Japan.`;
  const test = highEncryption
    ? 'The data was encrypted at a high level and the key was not compromised: excluded from the reportable categories (Rules Art. 7).'
    : grounds.length
      ? `Reportable: ${grounds.join('; ')}.`
      : 'None of the reportable categories applies (sensitive, financial, unlawful purpose, more than 1,000 people); a breach by an unlawful-purpose attack (Rules Art. 7(iii)) is reportable at any size but is not modelled in the facts.';
  const sources = [
    {
      fact: 'reportable situations: special care-required information, data whose misuse may cause financial loss, a leak by an act possibly for an unlawful purpose, or more than 1,000 principals, data under high-level encryption excluded (Rules Art. 7(i)-(iv))',
      url: RULES_ART7_URL,
      confirmed: true,
    },
    {
      fact: 'preliminary report promptly after knowing of the situation; final report within 30 days of the day of knowing (60 days for a situation under Rules Art. 7(iii)) (Rules Art. 8(1)-(2))',
      url: RULES_ART8_URL,
      confirmed: true,
    },
    {
      fact: 'principals notified promptly as the circumstances allow, alternative measures where that is difficult (APPI Art. 26(2)); an entrusted party that notifies the entrusting operator is relieved of its own report (Art. 26(1) proviso)',
      url: URL,
      confirmed: false,
    },
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: JP_APPI,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The business operator that entrusted the data',
        required: reportable,
        deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: ZONE, text: 'promptly' },
        basis: 'APPI Art. 26(1) proviso',
        why: [
          scope,
          test,
          'An entrusted party that notifies the entrusting operator is relieved of its own report (Art. 26(1) proviso).',
        ],
        content: ['nature', 'categories_of_data', 'approximate_people', 'discovered_at'],
        hold: null,
        sources,
      }),
    ];
  }
  const content = [
    'discovered_at',
    'occurred_at',
    'nature',
    'categories_of_data',
    'approximate_people',
    'root_cause',
    'likely_consequences',
    'measures_taken',
    'measures_proposed',
  ];
  return [
    buildObligation(f, {
      regime: JP_APPI,
      audience: 'regulator',
      recipientKey: 'ppc-preliminary',
      recipient: 'Personal Information Protection Commission (preliminary report)',
      required: reportable,
      deadline: {
        period: { unit: 'none' },
        from: { kind: 'awareness' },
        zone: ZONE,
        text: 'promptly (PPC guidelines: about 3-5 days)',
      },
      basis: 'APPI Art. 26(1); Rules Art. 8(1)',
      why: [scope, test],
      content,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: JP_APPI,
      audience: 'regulator',
      recipientKey: 'ppc-final',
      recipient: 'Personal Information Protection Commission (final report)',
      required: reportable,
      deadline: {
        period: { unit: 'days', n: 30 },
        from: { kind: 'awareness' },
        zone: ZONE,
        text: 'within 30 days of becoming aware',
      },
      basis: 'APPI Art. 26(1); Rules Art. 8(2)',
      why: [scope, test, 'Sixty days where the breach was by an act with an unlawful purpose (not modelled).'],
      content,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: JP_APPI,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected principals',
      required: reportable,
      deadline: {
        period: { unit: 'none' },
        from: { kind: 'awareness' },
        zone: ZONE,
        text: 'promptly, as the circumstances allow',
      },
      basis: 'APPI Art. 26(2)',
      why: [
        scope,
        test,
        'Where notifying the principal is difficult, alternative measures (public announcement, inquiry desk) may be taken instead.',
      ],
      content: ['nature', 'categories_of_data', 'root_cause', 'steps_for_individuals', 'contact_point'],
      hold: null,
      sources,
    }),
  ];
}
