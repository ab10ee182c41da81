import type { Facts } from '../facts';
import type { Obligation, RegimeInfo } from '../types';
import { buildObligation, inForce } from '../obligation';

// SEC Form 8-K Item 1.05 (material cybersecurity incidents).

const URL = 'https://www.sec.gov/files/form8-k.pdf';
const RELEASE = 'https://www.sec.gov/files/rules/final/2023/33-11216.pdf';

export const US_SEC: RegimeInfo = {
  id: 'us-sec',
  name: 'SEC Form 8-K Item 1.05, material cybersecurity incidents',
  citation: 'Form 8-K Item 1.05; General Instruction B.1; 17 CFR 229.106',
  sourceUrl: URL,
  commencement: '2023-12-18',
};

export function evaluateSec(f: Facts): Obligation[] {
  if (!f.sectors.includes('sec-registrant') || !inForce(f, US_SEC, 'America/New_York')) return [];
  const material = f.determinations.materialityAt !== undefined;
  return [
    buildObligation(f, {
      regime: US_SEC,
      audience: 'regulator',
      recipientKey: 'form-8-k',
      recipient: 'U.S. Securities and Exchange Commission (Form 8-K on EDGAR)',
      required: material,
      deadline: {
        period: { unit: 'businessDays', n: 4, calendar: 'us-federal', at: { hour: 17, minute: 30 } },
        from: { kind: 'materiality' },
        zone: 'America/New_York',
        text: 'within four business days of determining the incident is material',
      },
      basis: 'Form 8-K Item 1.05(a); General Instruction B.1',
      why: material
        ? [
            `The incident was determined material at ${f.determinations.materialityAt}: file Item 1.05 within four business days (weekends and US federal holidays do not count; the deadline is the 17:30 Eastern EDGAR cut-off for a same-day filing date).`,
          ]
        : [
            'Not yet: Item 1.05 applies once the registrant determines the incident is material (determinations.materialityAt not given). The determination must be made without unreasonable delay after discovery (Instruction 1 to Item 1.05).',
          ],
      content: ['nature', 'occurred_at', 'material_impact'],
      hold: {
        sources: ['us_attorney_general'],
        forms: ['written'],
        note: 'Item 1.05(c) allows delay only when the U.S. Attorney General determines disclosure poses a substantial risk to national security or public safety and notifies the Commission in writing (30 days, extendable by 30 and, in extraordinary cases, 60 more)',
      },
      sources: [
        {
          fact: 'four business days from the materiality determination (Item 1.05, General Instruction B.1)',
          url: RELEASE,
          confirmed: true,
        },
        { fact: 'delay only on the U.S. Attorney General determination (Item 1.05(c))', url: RELEASE, confirmed: true },
        {
          // Read in a reproduction of the CFR text (lawserver.com); the eCFR itself was not in the stored pages.
          fact: 'a filing by direct transmission commencing on or before 5:30 p.m. Eastern (standard or daylight time, whichever is in effect) is filed that business day, later ones the next business day (Regulation S-T Rule 13, 17 CFR 232.13(a)(2))',
          url: 'https://lawserver.com/?p=28166419',
          confirmed: true,
        },
      ],
    }),
  ];
}
