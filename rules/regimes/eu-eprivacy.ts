import type { Facts } from '../facts';
import type { Obligation, RegimeInfo, Source } from '../types';
import { EEA_STATES } from '../vocabulary';
import { buildObligation, count, inForce, safeHarbour } from '../obligation';

// ePrivacy Directive 2002/58/EC Art. 4(3) and Commission Regulation (EU) No 611/2013: personal data breaches at
// providers of publicly available electronic communications services. Under GDPR Art. 95 these replace
// GDPR Arts. 33-34 for such a provider (see gdpr.ts).

const URL = 'https://eur-lex.europa.eu/eli/reg/2013/611/oj';

export const EU_EPRIVACY: RegimeInfo = {
  id: 'eu-eprivacy',
  name: 'ePrivacy personal data breach notification (Regulation 611/2013)',
  citation: 'Directive 2002/58/EC Art. 4(3); Regulation (EU) No 611/2013 Arts. 2-4',
  sourceUrl: URL,
  commencement: '2013-08-25',
};

export function evaluateEprivacy(f: Facts): Obligation[] {
  if (!f.sectors.includes('telecom-provider')) return [];
  const people = count(f, (c) => EEA_STATES.includes(c));
  if (people === 0 || !inForce(f, EU_EPRIVACY, 'UTC')) return [];
  const main = f.establishments.main;
  const codes =
    main && EEA_STATES.includes(main)
      ? [main]
      : Object.entries(f.affected)
          .filter(([c, n]) => n > 0 && EEA_STATES.includes(c))
          .map(([c]) => c)
          .sort();
  const scope = `${people} affected subscribers or individuals in the EEA.`;
  const sources: Source[] = [
    {
      fact: 'competent national authority within 24 hours of detection, where feasible; every personal data breach (Reg. 611/2013 Art. 2(1)-(2))',
      url: URL,
      confirmed: false,
    },
    {
      fact: 'subscriber or individual without undue delay when the breach is likely to adversely affect their personal data or privacy, unless the data was unintelligible (Art. 3, Art. 4)',
      url: URL,
      confirmed: false,
    },
  ];
  const out: Obligation[] = codes.map((code) =>
    buildObligation(f, {
      regime: EU_EPRIVACY,
      audience: 'regulator',
      recipientKey: code.toLowerCase(),
      recipient: `Competent national authority for electronic communications breaches (${code})`,
      required: true,
      deadline: {
        period: { unit: 'hours', n: 24 },
        from: { kind: 'awareness' },
        zone: 'UTC',
        text: 'no later than 24 hours after detection of the breach, where feasible',
      },
      basis: 'Regulation 611/2013 Art. 2(2)',
      why: [
        scope,
        main === code
          ? `The authority of ${code}, where we are established, is notified.`
          : 'No main establishment in the EEA: the authority of each member state concerned is notified.',
        'Every personal data breach is notified, whatever the risk. A breach counts as detected once we are sufficiently aware of it (awarenessAt). Where not all information is available, an initial notification within 24 hours is completed by a second one within 3 days (Art. 2(3)).',
      ],
      content: [
        'entity_contacts',
        'nature',
        'occurred_at',
        'discovered_at',
        'categories_of_data',
        'approximate_people',
        'likely_consequences',
        'measures_taken',
      ],
      hold: null,
      sources,
    }),
  );
  const adverse = f.riskLevel !== 'none';
  const unintelligible = safeHarbour(f);
  out.push(
    buildObligation(f, {
      regime: EU_EPRIVACY,
      audience: 'individuals',
      recipientKey: 'subscribers',
      recipient: 'Affected subscribers or individuals',
      required: adverse && !unintelligible,
      deadline: { period: { unit: 'none' }, from: { kind: 'awareness' }, zone: 'UTC', text: 'without undue delay' },
      basis: 'Regulation 611/2013 Art. 3',
      why: [
        scope,
        !adverse
          ? "Risk assessed as 'none': taken as not likely to adversely affect personal data or privacy, so no notice to subscribers."
          : unintelligible
            ? 'The data was encrypted and the key not compromised: unintelligible data needs no notice to subscribers (Art. 4), once the authority accepts the measures.'
            : 'Likely to adversely affect personal data or privacy: notify subscribers or individuals without undue delay.',
      ],
      content: ['nature', 'contact_point', 'steps_for_individuals', 'likely_consequences', 'measures_taken'],
      hold: null,
      sources,
    }),
  );
  return out;
}
