import type { StateLaw } from './types';
import { MED, CRED, CT_, ag, WITH } from './shared';

const SEC10 = 'https://witnessslips.ilga.gov/legislation/ilcs/documents/081505300K10.htm';
const SEC10_SUB = 'http://www.ilga.gov/legislation/ilcs/documents/081505300K10.htm';

export const IL: StateLaw = {
  code: 'IL',
  citation: '815 ILCS 530',
  url: 'https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=2702&ChapterID=67',
  zone: CT_,
  // 815 ILCS 530/5 (unconfirmed against the text; privacyrights.org, Mintz and the P.A. 99-503 summaries): medical
  // information, health insurance information and unique biometric data with a name; a user name or email address
  // with a password or security question and answer alone. No passport or taxpayer number (removed: over-included).
  extra: [...MED, 'biometric'],
  alone: CRED,
  // 530/5 (summaries): encrypted or redacted data counts when the keys were acquired, so the key exception applies.
  harm: false,
  individuals: {},
  regulators: [],
  substitute: {
    costOver: 250000,
    peopleOver: 500000,
    noContact: true,
    means:
      'email notice where the data collector has an email address, conspicuous posting on its web site, and notification to major statewide media',
    section: '815 ILCS 530/10(c)',
  },
  individualContent: ['toll_free_numbers', 'regulator_contacts', 'fraud_alert', 'security_freeze'],
  // 530/10(a)(1): the notice must not state the number of Illinois residents affected.
  prohibitedContent: ['approximate_people'],
  contentSection: '815 ILCS 530/10(a)(1)',
  holdWritten: true,
  enactments: [
    { act: 'P.A. 94-36 (Personal Information Protection Act)', effective: '2006-01-01' },
    { act: 'P.A. 97-483 (content of the notice)', effective: '2012-01-01' },
    {
      act: 'HB 1260 (2016), P.A. 99-503 (medical, health insurance, biometric, online credentials)',
      effective: '2017-01-01',
    },
    { act: 'SB 1624 (2019) (notice to the Attorney General)', effective: '2020-01-01' },
  ],
  amendments: [
    {
      from: '2020-01-01',
      citation: '815 ILCS 530/10(e) as added by SB 1624 (2019)',
      change: { regulators: [ag(501, WITH)] },
    },
  ],
  checked: [
    {
      fact: 'residents are notified at no charge in the most expedient time possible and without unreasonable delay following discovery or notification of the breach; the statute has no risk-of-harm exemption (530/10(a))',
      url: SEC10,
      audience: 'individuals',
    },
    {
      fact: 'the notice includes the toll-free numbers and addresses of the consumer reporting agencies, the toll-free number, address and website of the Federal Trade Commission, and a statement that the individual can obtain information from these sources about fraud alerts and security freezes; it must not state the number of Illinois residents affected (530/10(a)(1))',
      url: SEC10,
      audience: 'individuals',
    },
    {
      fact: 'substitute notice when the cost would exceed $250,000, more than 500,000 persons are to be notified, or contact information is insufficient: email, conspicuous web site posting and major statewide media (530/10(c))',
      url: SEC10_SUB,
      audience: 'individuals',
    },
  ],
  notes: [
    '815 ILCS 530/10(a)(1): the notice must not say how many Illinois residents were affected.',
    '815 ILCS 530/10(a)(2): for a user name or email address with a password, notice may direct the resident to change the password and security question or take other steps to protect all accounts using the same credentials.',
    'Unconfirmed against the text: the list of elements (530/5), the immediate notice by a data collector maintaining data for its owner (530/10(b)), the written law enforcement request (530/10(b-5)), and the notice to the Attorney General when more than 500 residents are notified, no later than the residents (530/10(e), SB 1624 effective 2020-01-01, from the Buckley, PBWT and WBK summaries).',
  ],
};
