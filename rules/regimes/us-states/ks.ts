import type { StateLaw } from './types';
import { CT_ } from './shared';

const SEC02 = 'https://getpocketlaw.com/law/state_kansas/section-50-7a02-security-breach-requirements_a658ec5e22be';

export const KS: StateLaw = {
  code: 'KS',
  citation: 'Kan. Stat. §§ 50-7a01 to -7a04',
  url: 'http://www.laws9.com/statutes/kansas/chapter50/article7a/statutes_21182',
  zone: CT_,
  // § 50-7a01(g) (unconfirmed; Snell & Wilmer, Mintz and cliclaw): name with SSN, driver's licence or state
  // identification card number, or financial account, credit or debit card number alone or with its code.
  extra: [],
  // § 50-7a01(h) (charts): a breach is the access to and acquisition of unencrypted or unredacted data; the key is not
  // mentioned.
  encryption: { keyException: false, section: 'Kan. Stat. § 50-7a01(h)' },
  harm: true,
  harmTest: 'that the misuse of information has not occurred and is not reasonably likely to occur',
  individuals: {},
  regulators: [],
  cra: { min: 1001 },
  // Unconfirmed (§ 50-7a01(c)(3), from the TekRisq chart and Snell & Wilmer's list of means).
  substitute: {
    costOver: 100000,
    peopleOver: 5000,
    noContact: true,
    means:
      'email where addresses are held, conspicuous posting on the website, and notification to major statewide media',
    section: 'Kan. Stat. § 50-7a01(c)(3)',
  },
  enactments: [{ act: 'SB 196 (2006)', effective: '2007-01-01' }],
  checked: [
    {
      fact: 'on becoming aware of a breach the owner investigates in good faith; if misuse has occurred or is reasonably likely, it notifies the affected residents as soon as possible, in the most expedient time possible and without unreasonable delay (§ 50-7a02(a))',
      url: SEC02,
      audience: 'individuals',
    },
    {
      fact: 'notice may be delayed if a law enforcement agency determines that it will impede a criminal investigation; no written request is required (§ 50-7a02(c))',
      url: SEC02,
      audience: 'individuals',
    },
    {
      fact: 'an individual or commercial entity maintaining data it does not own or license notifies the owner or licensee following discovery of the breach; no time is set (§ 50-7a02(b))',
      url: SEC02,
      audience: 'controller',
    },
  ],
  notes: [
    'Unconfirmed against the text: the list of elements and the encryption wording (§ 50-7a01), the notice to consumer reporting agencies when more than 1,000 consumers are notified at one time (§ 50-7a02(f), Perkins Coie chart), and substitute notice (cost over $100,000 or more than 5,000 consumers).',
    'Kan. Stat. § 50-7a02(b) sets no time for the notice to the owner; Breachline treats it as due immediately.',
    'A few western Kansas counties keep Mountain time; Breachline uses Central time for the state.',
    'The SB 196 effective date (2007-01-01) comes from the Perkins Coie chart.',
  ],
};
