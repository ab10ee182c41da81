import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, inForce } from '../obligation';

// Australia Notifiable Data Breaches scheme, Privacy Act 1988 Part IIIC.

const URL = 'https://www.oaic.gov.au/privacy/notifiable-data-breaches';
const ACT_URL = 'https://www.legislation.gov.au/C2004A03712/latest/text';

export const AU_NDB: RegimeInfo = {
  id: 'au-ndb',
  name: 'Australia Notifiable Data Breaches scheme',
  citation: 'Privacy Act 1988 (Cth) Part IIIC, ss. 26WE-26WL',
  sourceUrl: URL,
  commencement: '2018-02-22',
};

const CONTENT = ['entity_contacts', 'nature', 'categories_of_data', 'steps_for_individuals'];
const SOON = { period: { unit: 'none' } as const, from: { kind: 'awareness' } as const, zone: 'Australia/Sydney' };
const sources = [
  {
    fact: 'statement to the Commissioner as soon as practicable after the entity becomes aware of reasonable grounds to believe there has been an eligible data breach (s. 26WK(1)-(2))',
    url: 'https://zoelaw.ai/legislation/privacy-act-1988/sections/26WK',
    confirmed: true,
  },
  {
    fact: 'notice of the contents of the statement to the individuals concerned (or those at risk, or publication) as soon as practicable after completing the statement (s. 26WL(2)-(3))',
    url: 'http://www.austlii.edu.au/au/legis/cth/consol_act/pa1988108/s26wl.html',
    confirmed: true,
  },
  { fact: 'assessment of a suspected breach within 30 days (s. 26WH)', url: ACT_URL, confirmed: true },
];

export function evaluateNdb(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'AU' || c.startsWith('AU-'));
  if (people === 0 || !inForce(f, AU_NDB, 'Australia/Sydney')) return [];
  const eligible = f.riskLevel === 'high_risk';
  const test = eligible
    ? "Risk assessed as 'high_risk': taken as likely to result in serious harm, an eligible data breach (s. 26WE)."
    : f.riskLevel === 'risk'
      ? "Risk assessed as 'risk': not yet an eligible data breach; if serious harm is suspected, assess within 30 days (s. 26WH)."
      : "Risk assessed as 'none': remedial action prevents serious harm (s. 26WF), so not an eligible data breach.";
  const scope = `${people} affected people in Australia.`;
  const noHold =
    'The NDB scheme has no law enforcement delay for private entities; the Commissioner may declare an exemption or extension (s. 26WQ).';
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: AU_NDB,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The entity that shares the information with us',
        required: eligible,
        deadline: { ...SOON, text: 'as soon as practicable' },
        basis: 'Privacy Act 1988 s. 26WJ',
        why: [
          scope,
          test,
          'Where the information is held by more than one entity, one statement satisfies all (s. 26WJ); tell the other entity at once so it can be made.',
        ],
        content: CONTENT,
        hold: null,
        sources: [
          { fact: 'jointly held information: one entity may notify for all (s. 26WJ)', url: ACT_URL, confirmed: false },
        ],
      }),
    ];
  }
  return [
    buildObligation(f, {
      regime: AU_NDB,
      audience: 'regulator',
      recipientKey: 'oaic',
      recipient: 'Office of the Australian Information Commissioner',
      required: eligible,
      deadline: { ...SOON, text: 'as soon as practicable after becoming aware' },
      basis: 'Privacy Act 1988 s. 26WK',
      why: [scope, test, 'Encryption counts only through the serious-harm test.', noHold],
      content: CONTENT,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: AU_NDB,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: eligible,
      deadline: { ...SOON, text: 'as soon as practicable after the statement to the Commissioner' },
      basis: 'Privacy Act 1988 s. 26WL',
      why: [
        scope,
        test,
        'Where notifying each individual is not practicable, publish the statement on the website and take reasonable steps to publicise it (s. 26WL(2)(c)).',
        noHold,
      ],
      content: CONTENT,
      hold: null,
      sources,
    }),
  ];
}
