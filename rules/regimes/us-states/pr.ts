import type { StateLaw } from './types';
import { CRED } from './shared';

const ACT =
  'https://casetext.com/statute/laws-of-puerto-rico/title-ten-commerce/subtitle-3-business-regulations-generally/chapter-310-citizen-information-on-data-banks-security-act';
const NOTIFICATION = `${ACT}/4052-notification`;
const METHOD = `${ACT}/4053-notification-character-and-method`;

export const PR: StateLaw = {
  code: 'PR',
  citation: 'P.R. Laws tit. 10, §§ 4051-4055',
  url: NOTIFICATION,
  zone: 'America/Puerto_Rico',
  // 10 L.P.R.A. § 4051 as quoted by the AICPA and summarized by Snell & Wilmer and CLI (the section text itself could
  // not be read): name with SSN; driver's licence, voter identification or other official identification; bank or
  // financial account numbers with or without passwords; user names with passwords or access codes to information
  // systems; medical information protected by HIPAA; tax information; work-related evaluations.
  extra: ['passport', 'government_id', 'tax_id', 'health', ...CRED],
  // § 4052: notice is due when the files are "not protected by an encrypted code but only by a password"; the key is
  // not mentioned.
  encryption: { keyException: false, section: 'P.R. Laws tit. 10, § 4052' },
  harm: false,
  individuals: {},
  regulators: [
    { key: 'daco', name: 'Department of Consumer Affairs (DACO)', min: 1, when: { kind: 'fromDiscovery', days: 10 } },
  ],
  substitute: {
    costOver: 100000,
    peopleOver: 100000,
    noContact: true,
    means:
      "prominent announcement at the entity's premises, on its web page and in fliers sent through its postal and electronic mailing lists, and a communication to the media with how to contact the entity",
    section: 'P.R. Laws tit. 10, § 4053(2)',
  },
  individualContent: ['nature', 'categories_of_data', 'contact_point'],
  contentSection: 'P.R. Laws tit. 10, § 4053',
  enactments: [
    { act: 'Act No. 111 of September 7, 2005', effective: '2006-01-05' },
    { act: 'Act No. 97 of June 19, 2008 (amending §§ 4052-4053, adding § 4054a)', effective: '2008-06-19' },
  ],
  checked: [
    {
      fact: 'citizens notified as expeditiously as possible when the breached files are not protected by an encrypted code but only by a password; no risk-of-harm exemption (§ 4052)',
      url: NOTIFICATION,
      audience: 'individuals',
    },
    {
      fact: 'the Department of Consumer Affairs informed within a non-extendable term of ten days after the breach is detected; it makes a public announcement within 24 hours (§ 4052)',
      url: NOTIFICATION,
      audience: 'regulator',
    },
    {
      fact: 'an entity that resells or provides access to data banks notifies the proprietor, custodian or holder of any breach that allowed unauthorized access (§ 4052)',
      url: NOTIFICATION,
      audience: 'controller',
    },
    {
      fact: 'the notice describes the breach in general terms and the type of sensitive information compromised, with a toll-free number and an Internet site for information or assistance (§ 4053)',
      url: METHOD,
      audience: 'individuals',
    },
    {
      fact: 'substitute notice when individual notice is excessively onerous (number of people, difficulty locating them, economic situation) or costs more than $100,000 or reaches more than 100,000 people (§ 4053(2))',
      url: METHOD,
      audience: 'individuals',
    },
  ],
  notes: [
    'Puerto Rico: tax information and work-related evaluations are covered with a name (work-related evaluations have no matching Breachline data element).',
    "Puerto Rico: a breach in a government agency or public corporation is notified to the Citizen's Advocate Office (§ 4054a).",
    'Puerto Rico: the list of personal information (§ 4051) is unconfirmed against the text (summaries only).',
  ],
};
