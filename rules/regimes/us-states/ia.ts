import type { StateLaw } from './types';
import { CT_, ag } from './shared';

export const IA: StateLaw = {
  code: 'IA',
  citation: 'Iowa Code §§ 715C.1-.2',
  url: 'https://lawserver.com/law/state/iowa/ia-code/iowa_code_715c-2',
  zone: CT_,
  // § 715C.1(11) (unconfirmed against the text; DWT, Mintz, McAfee and the Attorney General's page): a driver's licence
  // or other unique identification number created or collected by a government body (passport and other government
  // numbers added), and unique biometric data.
  extra: ['biometric', 'passport', 'government_id'],
  // § 715C.1(11) (Attorney General's page and cliclaw summary): encrypted or redacted data counts when the keys were
  // also obtained, so the key exception applies.
  harm: true,
  harmTest:
    'that no reasonable likelihood of financial harm to the consumers whose personal information was acquired has resulted or will result from the breach (documented in writing and kept five years)',
  individuals: {},
  regulators: [
    ag(
      501,
      { kind: 'afterIndividuals', days: 5, businessDays: true },
      'Attorney General, Consumer Protection Division',
    ),
  ],
  holdWritten: true,
  // Unconfirmed (§ 715C.2(4)(c), from the 2008 act as summarised): cost over $250,000, more than 350,000 consumers, or
  // insufficient contact information.
  substitute: {
    costOver: 250000,
    peopleOver: 350000,
    noContact: true,
    means:
      'e-mail notice where an address is held, conspicuous posting on the website, and notice to major statewide media',
    section: 'Iowa Code § 715C.2(4)(c)',
  },
  // Unconfirmed (§ 715C.2(5), from the WordsByWit and DWT summaries): a description of the breach, its approximate
  // date, the type of personal information, contact information for consumer reporting agencies, and advice to report
  // suspected identity theft to local law enforcement or the Attorney General.
  individualContent: ['nature', 'occurred_at', 'categories_of_data', 'toll_free_numbers', 'police_report'],
  contentSection: 'Iowa Code § 715C.2(5)',
  enactments: [
    { act: 'SF 2308 (2008)', effective: '2008-07-01' },
    { act: '2014 amendment (Attorney General notice, paper records, encryption keys)', effective: '2014-07-01' },
  ],
  notes: [
    'Iowa Code § 715C.1(1), read in the statute: a breach of security also covers personal information on paper or another medium that was transferred from computerized form. Not marked checked: the list of elements in § 715C.1(11) was not read and a checked definition would vouch for it.',
    'Unconfirmed against the text (the stored copies of § 715C.2 stop at subsection 1): notice in the most expeditious manner possible, the financial-harm exemption, the written law enforcement request, the immediate notice by a person maintaining data for its owner, and the Attorney General’s notice within 5 business days after notifying consumers when more than 500 residents are notified (the Attorney General’s own page says "at least 500").',
    'The 2014 effective date comes from the Attorney General’s page ("since the law took effect on July 1, 2014").',
  ],
};
