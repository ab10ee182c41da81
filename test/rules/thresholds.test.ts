import { describe, expect, it } from 'vitest';
import { run, find } from './helpers';

// Issue 13, "thresholds at the line": each regulator, credit-agency and media threshold is tested at exactly
// the statutory number. "N or more" / "at least N" triggers at N; "more than N" triggers at N + 1.
// The wording is the statute's as reported by the state charts (unconfirmed unless the state entry says so);
// names give the section, not the subsection, which was not checked against the text.

type Line = { name: string; code: string; id: string; wording: string; first: number };
const AG = 'regulator:attorney-general';
const CRA = 'credit_agencies:nationwide-cras';

const LINES: Line[] = [
  { name: 'Ala. Code 8-38-6', code: 'AL', id: AG, wording: 'more than 1,000', first: 1001 },
  { name: 'Ala. Code 8-38-7', code: 'AL', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Alaska Stat. 45.48.040', code: 'AK', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Ariz. Rev. Stat. 18-552', code: 'AZ', id: AG, wording: 'more than 1,000', first: 1001 },
  {
    name: 'Ariz. Rev. Stat. 18-552 (DHS)',
    code: 'AZ',
    id: 'regulator:dhs',
    wording: 'more than 1,000',
    first: 1001,
  },
  { name: 'Ariz. Rev. Stat. 18-552', code: 'AZ', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Ark. Code 4-110-105', code: 'AR', id: AG, wording: 'more than 1,000', first: 1001 },
  { name: 'Cal. Civ. Code 1798.82', code: 'CA', id: AG, wording: 'more than 500', first: 501 },
  { name: 'Colo. Rev. Stat. 6-1-716', code: 'CO', id: AG, wording: '500 or more', first: 500 },
  { name: 'Colo. Rev. Stat. 6-1-716', code: 'CO', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Del. Code tit. 6, 12B-102', code: 'DE', id: AG, wording: 'more than 500', first: 501 },
  { name: 'D.C. Code 28-3852', code: 'DC', id: AG, wording: '50 or more', first: 50 },
  { name: 'D.C. Code 28-3852', code: 'DC', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Fla. Stat. 501.171', code: 'FL', id: AG, wording: '500 or more', first: 500 },
  { name: 'Fla. Stat. 501.171', code: 'FL', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Ga. Code 10-1-912', code: 'GA', id: CRA, wording: 'more than 10,000', first: 10001 },
  {
    name: 'Haw. Rev. Stat. 487N-2',
    code: 'HI',
    id: 'regulator:consumer-protection',
    wording: 'more than 1,000',
    first: 1001,
  },
  { name: 'Haw. Rev. Stat. 487N-2 (CRAs)', code: 'HI', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: '815 ILCS 530/10', code: 'IL', id: AG, wording: 'more than 500', first: 501 },
  { name: 'Ind. Code 24-4.9-3-1', code: 'IN', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Iowa Code 715C.2', code: 'IA', id: AG, wording: 'more than 500', first: 501 },
  { name: 'Kan. Stat. 50-7a02', code: 'KS', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Ky. Rev. Stat. 365.732', code: 'KY', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Me. Rev. Stat. tit. 10, 1348', code: 'ME', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Md. Code Com. Law 14-3506', code: 'MD', id: CRA, wording: '1,000 or more', first: 1000 },
  { name: 'Mich. Comp. Laws 445.72', code: 'MI', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Minn. Stat. 325E.61', code: 'MN', id: CRA, wording: 'more than 500', first: 501 },
  { name: 'Mo. Rev. Stat. 407.1500', code: 'MO', id: AG, wording: 'more than 1,000', first: 1001 },
  { name: 'Mo. Rev. Stat. 407.1500 (CRAs)', code: 'MO', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Nev. Rev. Stat. 603A.220', code: 'NV', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'N.H. Rev. Stat. 359-C:20', code: 'NH', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'N.J. Stat. 56:8-163', code: 'NJ', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'N.M. Stat. 57-12C-10', code: 'NM', id: AG, wording: 'more than 1,000', first: 1001 },
  { name: 'N.M. Stat. 57-12C-10 (CRAs)', code: 'NM', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'N.Y. Gen. Bus. Law 899-aa(8)(b)', code: 'NY', id: CRA, wording: 'more than 5,000', first: 5001 },
  { name: 'N.C. Gen. Stat. 75-65', code: 'NC', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'N.D. Cent. Code 51-30-02', code: 'ND', id: AG, wording: 'more than 250', first: 251 },
  { name: 'Ohio Rev. Code 1349.19', code: 'OH', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Or. Rev. Stat. 646A.604', code: 'OR', id: AG, wording: 'more than 250', first: 251 },
  { name: 'Or. Rev. Stat. 646A.604', code: 'OR', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: '73 Pa. Stat. 2305', code: 'PA', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: '73 Pa. Stat. 2303 (2024)', code: 'PA', id: AG, wording: 'more than 500', first: 501 },
  { name: 'R.I. Gen. Laws 11-49.3-4', code: 'RI', id: AG, wording: 'more than 500', first: 501 },
  { name: 'R.I. Gen. Laws 11-49.3-4 (CRAs)', code: 'RI', id: CRA, wording: 'more than 500', first: 501 },
  {
    name: 'S.C. Code 39-1-90',
    code: 'SC',
    id: 'regulator:consumer-affairs',
    wording: 'more than 1,000',
    first: 1001,
  },
  { name: 'S.C. Code 39-1-90 (CRAs)', code: 'SC', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'S.D. Codified Laws 22-40-20', code: 'SD', id: AG, wording: 'more than 250', first: 251 },
  { name: 'Tenn. Code 47-18-2107', code: 'TN', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Tex. Bus. & Com. Code 521.053', code: 'TX', id: AG, wording: 'at least 250', first: 250 },
  { name: 'Tex. Bus. & Com. Code 521.053', code: 'TX', id: CRA, wording: 'more than 10,000', first: 10001 },
  { name: 'Utah Code 13-44-202 (Attorney General, 2019)', code: 'UT', id: AG, wording: '500 or more', first: 500 },
  {
    name: 'Utah Code 13-44-202 (Cyber Center, 2024)',
    code: 'UT',
    id: 'regulator:cyber-center',
    wording: '500 or more',
    first: 500,
  },
  { name: 'Utah Code 13-44-202 (CRAs)', code: 'UT', id: CRA, wording: '1,000 or more', first: 1000 },
  { name: 'Vt. Stat. tit. 9, 2435', code: 'VT', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Va. Code 18.2-186.6', code: 'VA', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Wash. Rev. Code 19.255.010', code: 'WA', id: AG, wording: 'more than 500', first: 501 },
  { name: 'W. Va. Code 46A-2A-102', code: 'WV', id: CRA, wording: 'more than 1,000', first: 1001 },
  { name: 'Wis. Stat. 134.98', code: 'WI', id: CRA, wording: 'more than 1,000', first: 1001 },
];

describe('US state thresholds at the line', () => {
  it.each(LINES)('$name, $id: "$wording" is first met at $first', ({ code, id, first }) => {
    const key = `us-${code.toLowerCase()}:${id}`;
    expect(find(run({ affected: { [`US-${code}`]: first - 1 } }), key).required).toBe(false);
    expect(find(run({ affected: { [`US-${code}`]: first } }), key).required).toBe(true);
  });

  it('Okla. Stat. tit. 24, 163 as amended by SB 626: "500 or more", from 2026-01-01', () => {
    expect(find(run({ affected: { 'US-OK': 499 } }), 'us-ok:regulator:attorney-general').required).toBe(false);
    expect(find(run({ affected: { 'US-OK': 500 } }), 'us-ok:regulator:attorney-general').required).toBe(true);
  });
});

describe('federal thresholds at the line', () => {
  const HIPAA = { sectors: ['hipaa'], dataElements: ['name', 'health'] };
  it('45 CFR 164.406(a): media when "more than 500 residents of a State": 500 no, 501 yes', () => {
    const media = (n: number) => run({ ...HIPAA, affected: { 'US-TX': n } }).filter((o) => o.audience === 'media');
    expect(media(500).every((o) => !o.required)).toBe(true);
    expect(media(501).some((o) => o.required)).toBe(true);
  });
});
