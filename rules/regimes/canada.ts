import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, count, inForce } from '../obligation';
import { LAW_ENFORCEMENT } from '../deadline';

// Canada: PIPEDA s. 10.1 (federal) and Quebec's private-sector Act as amended by Law 25, s. 3.5.

const PIPEDA_URL = 'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/page-3.html';
const OPC_URL =
  'https://www.priv.gc.ca/en/privacy-topics/business-privacy/breaches-and-safeguards/privacy-breaches-at-your-business/gd_pb_201810/';
const QC_URL = 'https://www.legisquebec.gouv.qc.ca/en/document/cs/P-39.1';

export const CA_PIPEDA: RegimeInfo = {
  id: 'ca-pipeda',
  name: 'Canada PIPEDA breach of security safeguards',
  citation: 'PIPEDA s. 10.1; Breach of Security Safeguards Regulations (SOR/2018-64)',
  sourceUrl: PIPEDA_URL,
  commencement: '2018-11-01',
};
export const CA_QC: RegimeInfo = {
  id: 'ca-qc',
  name: 'Quebec Act respecting the protection of personal information in the private sector (Law 25)',
  citation: 'CQLR c. P-39.1, ss. 3.5-3.8',
  sourceUrl: QC_URL,
  commencement: '2022-09-22',
};

const CONTENT_OPC = [
  'nature',
  'occurred_at',
  'categories_of_data',
  'approximate_people',
  'measures_taken',
  'steps_for_individuals',
  'contact_point',
];
const noLimit = (text: string) => ({
  period: { unit: 'none' } as const,
  from: { kind: 'discovery' } as const,
  zone: 'America/Toronto',
  text,
});
// PIPEDA s. 10.1(2), (6): "as soon as feasible after the organization determines that the breach has occurred", a
// determination clock (determinations.notifiableAt, else awarenessAt).
const afterDetermination = (text: string) => ({ ...noLimit(text), from: { kind: 'notifiable' } as const });

export function evaluatePipeda(f: Facts): Obligation[] {
  const people = count(f, (c) => c === 'CA' || c.startsWith('CA-'));
  if (people === 0 || !inForce(f, CA_PIPEDA, 'America/Toronto')) return [];
  const rrosh = f.riskLevel === 'high_risk';
  const scope = `${people} affected people in Canada.`;
  const test = rrosh
    ? "Risk assessed as 'high_risk': taken as a real risk of significant harm (s. 10.1(7): sensitivity and probability of misuse)."
    : `Risk assessed as '${f.riskLevel}': taken as below a real risk of significant harm; keep a record of the breach for 24 months (s. 10.3).`;
  const sources = [
    {
      fact: 'report to the Commissioner and notify individuals when it is reasonable to believe the breach creates a real risk of significant harm, each as soon as feasible after the organization determines that the breach has occurred (s. 10.1(1), (3); timing s. 10.1(2), (6))',
      url: 'https://laws-lois.justice.gc.ca/eng/acts/P-8.6/section-10.1.html',
      confirmed: true,
    },
    { fact: 'content of the report and notice (SOR/2018-64)', url: OPC_URL, confirmed: false },
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: CA_PIPEDA,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The organization that transferred the information for processing',
        required: true,
        deadline: noLimit('as soon as feasible'),
        basis: 'PIPEDA Principle 4.1.3',
        why: [
          scope,
          'The transferring organization stays accountable (Principle 4.1.3) and must report; a processor tells it at once under its contract.',
        ],
        content: CONTENT_OPC,
        hold: null,
        sources: [
          {
            fact: 'processor informs the accountable organization (contractual, via Principle 4.1.3)',
            url: PIPEDA_URL,
            confirmed: false,
          },
        ],
      }),
    ];
  }
  return [
    buildObligation(f, {
      regime: CA_PIPEDA,
      audience: 'regulator',
      recipientKey: 'opc',
      recipient: 'Office of the Privacy Commissioner of Canada',
      required: rrosh,
      deadline: afterDetermination('as soon as feasible after determining the breach occurred'),
      basis: 'PIPEDA s. 10.1(1)-(2)',
      why: [scope, test, 'Encryption counts only through the risk assessment; PIPEDA has no separate safe harbour.'],
      content: CONTENT_OPC,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: CA_PIPEDA,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Affected individuals',
      required: rrosh,
      deadline: afterDetermination('as soon as feasible after determining the breach occurred'),
      basis: 'PIPEDA s. 10.1(3)-(6)',
      why: [
        scope,
        test,
        'Notify directly; indirect notice where direct notice would cause further harm, undue hardship, or contact information is missing (SOR/2018-64 s. 5). Also notify any organization or government institution that can reduce the risk (s. 10.2).',
      ],
      content: CONTENT_OPC,
      hold: null,
      sources,
    }),
  ];
}

export function evaluateQuebec(f: Facts): Obligation[] {
  const people = f.affected['CA-QC'] ?? 0;
  if (people === 0 || !inForce(f, CA_QC, 'America/Toronto')) return [];
  const serious = f.riskLevel === 'high_risk';
  const scope = `${people} affected people in Quebec.`;
  const test = serious
    ? "Risk assessed as 'high_risk': taken as a risk of serious injury (s. 3.7)."
    : `Risk assessed as '${f.riskLevel}': taken as no risk of serious injury; record the incident in the register (s. 3.8).`;
  const sources = [
    {
      fact: 'promptly notify the Commission and the persons concerned when there is a risk of serious injury; persons need not be notified while it could hamper an investigation by a body responsible for preventing, detecting or repressing crime (s. 3.5)',
      url: QC_URL,
      confirmed: false,
    },
  ];
  if (f.role === 'processor') {
    return [
      buildObligation(f, {
        regime: CA_QC,
        audience: 'controller',
        recipientKey: 'controller',
        recipient: 'The enterprise that entrusted the information',
        required: true,
        deadline: noLimit('promptly'),
        basis: 'CQLR c. P-39.1, s. 18.3',
        why: [
          scope,
          'The mandatary must inform the enterprise of any confidentiality incident promptly (contractual under s. 18.3).',
        ],
        content: CONTENT_OPC,
        hold: null,
        sources,
      }),
    ];
  }
  return [
    buildObligation(f, {
      regime: CA_QC,
      audience: 'regulator',
      recipientKey: 'cai',
      recipient: "Commission d'accès à l'information du Québec",
      required: serious,
      deadline: noLimit('promptly'),
      basis: 'CQLR c. P-39.1, s. 3.5',
      why: [scope, test],
      content: CONTENT_OPC,
      hold: null,
      sources,
    }),
    buildObligation(f, {
      regime: CA_QC,
      audience: 'individuals',
      recipientKey: 'individuals',
      recipient: 'Persons whose information is concerned',
      required: serious,
      deadline: noLimit('promptly'),
      basis: 'CQLR c. P-39.1, s. 3.5',
      why: [
        scope,
        test,
        'A public notice may replace individual notice where individual notice would cause greater harm, undue hardship, or the person has no known address.',
      ],
      content: CONTENT_OPC,
      hold: {
        sources: LAW_ENFORCEMENT,
        note: 's. 3.5 lets notice to the persons wait while it could hamper an investigation by a body responsible by law for preventing, detecting or repressing crime',
      },
      sources,
    }),
  ];
}
