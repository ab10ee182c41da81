import type { StateLaw } from './types';
import { ag, WITH } from './shared';

const DEF = 'https://courtgpt.ai/laws/indiana/title-24/article-4-9/chapter-2/section-24-4-9-2-10';
const CH3 = 'http://www.laws9.com/statutes/indiana/title24/ar4.9/ch3';
const SEC34 = 'https://law.justia.com/codes/indiana/2017/title-24/article-4.9/chapter-3/section-24-4.9-3-4/';
const SEC33 = 'https://lawserver.com/law/state/indiana/in-code/indiana_code_24-4-9-3-3';

export const IN: StateLaw = {
  code: 'IN',
  citation: 'Ind. Code §§ 24-4.9',
  url: 'http://www.in.gov/legislative/ic/code/title24/ar4.9/ch3.html',
  zone: 'America/Indiana/Indianapolis',
  // § 24-4.9-2-10(2): name with driver's licence, state identification card, credit card, or financial account or
  // debit card number with its code; nothing beyond the baseline.
  extra: [],
  // § 24-4.9-2-10(1): an unencrypted, unredacted Social Security number counts by itself.
  alone: ['national_id'],
  // § 24-4.9-3-1(a)(2): encrypted data acquired with access to the encryption key must be disclosed (key exception).
  harm: true,
  harmTest:
    'that the unauthorized acquisition has not resulted in and could not result in identity deception, identity theft, or fraud affecting the resident',
  individuals: {},
  regulators: [ag(1, WITH)],
  cra: { min: 1001 },
  // § 24-4.9-3-4(b): more than 500,000 residents or a cost of more than $250,000; no contact-information condition.
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: false,
    means:
      'conspicuous posting of the notice on the web site, and notice to major news reporting media in the geographic area where the affected residents reside (both)',
    section: 'Ind. Code § 24-4.9-3-4(b)',
  },
  enactments: [
    { act: 'P.L.125-2006', effective: '2006-07-01' },
    { act: 'P.L.137-2009 (notice to the Attorney General)', effective: '2009-07-01' },
    { act: 'P.L.171-2022 (HEA 1351: 45 days after discovery)', effective: '2022-07-01' },
    { act: 'P.L.98-2024 (adult oriented website information)', effective: '2024-07-01' },
  ],
  amendments: [
    {
      from: '2022-07-01',
      citation: 'Ind. Code § 24-4.9-3-3 as amended by P.L.171-2022',
      change: { individuals: { days: 45, from: 'discovery' } },
    },
  ],
  checked: [
    {
      fact: 'personal information: an unencrypted, unredacted Social Security number alone; or first name or initial and last name with a driver’s licence, state identification card or credit card number, or a financial account or debit card number with its security code, password or access code; or information collected by an adult oriented website operator under IC 24-4-23 (§ 24-4.9-2-10)',
      url: DEF,
      audience: 'definition',
    },
    {
      fact: 'residents whose unencrypted data, or encrypted data with access to the key, was or may have been acquired are told when the owner knows or should know that the acquisition has resulted or could result in identity deception, identity theft or fraud (§ 24-4.9-3-1(a)); without unreasonable delay but not more than 45 days after discovery, from P.L.171-2022 (§ 24-4.9-3-3(a))',
      url: SEC33,
      audience: 'individuals',
    },
    {
      fact: 'delay is reasonable in response to a request of the Attorney General or a law enforcement agency because disclosure will impede a criminal or civil investigation or jeopardize national security; no written request is required (§ 24-4.9-3-3(a)(3))',
      url: SEC33,
      audience: 'individuals',
    },
    {
      fact: 'a data base owner that discloses a breach to residents also discloses it to the Attorney General, whatever the number (§ 24-4.9-3-1(c)), within the same time limit (§ 24-4.9-3-3(a))',
      url: CH3,
      audience: 'regulator',
    },
    {
      fact: 'when more than 1,000 consumers are notified, each consumer reporting agency is given the information needed to prevent fraud (§ 24-4.9-3-1(b))',
      url: CH3,
      audience: 'credit_agencies',
    },
    {
      fact: 'a person that maintains computerized data but is not the data base owner notifies the owner when it discovers that personal information was or may have been acquired; the statute sets no time (§ 24-4.9-3-2)',
      url: CH3,
      audience: 'controller',
    },
    {
      fact: 'disclosure by mail, telephone, fax or email; when more than 500,000 residents are to be told or the cost will be more than $250,000, by conspicuous web site posting and notice to major news reporting media where the residents live (§ 24-4.9-3-4(a)-(b))',
      url: SEC34,
      audience: 'individuals',
    },
  ],
  notes: [
    'Ind. Code § 24-4.9-2-10(2)(D): a financial account or debit card number counts only with its security code, password or access code; a credit card number counts alone with the name (Breachline does not model codes).',
    'Ind. Code § 24-4.9-3-2 sets no time for the processor’s notice; Breachline treats it as due immediately.',
    'The effective dates of P.L.125-2006, P.L.137-2009 and P.L.98-2024 are the usual 1 July dates and were not read; P.L.171-2022’s 2022-07-01 comes from the Jackson Lewis summary.',
  ],
};
