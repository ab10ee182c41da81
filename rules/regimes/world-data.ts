import type { Period } from '../deadline';

// National breach notification laws outside the EU, UK, US and the older catalog (issue 13), as data. Each fact
// carries its source and whether it was checked against the text this catalog cites; commencement dates are the
// law's (or the breach provision's) first day of application, by the incident's awarenessAt in the country's zone.

export type Trigger =
  | { kind: 'any' }
  /** The law's lower bar (a risk to rights, likely harm): riskLevel 'risk' or 'high_risk'. `test` names it. */
  | { kind: 'risk'; test: string }
  /** The law's significant, serious or high harm: riskLevel 'high_risk'. */
  | { kind: 'high_risk'; test: string }
  /** Significant harm, or at least `min` people (Malaysia's significant scale). */
  | { kind: 'harmOrScale'; test: string; min: number; scale: string }
  /** Only when the authority requires it: never required by the facts alone. */
  | { kind: 'onRequest'; why: string };

export type Notice = {
  key: string;
  recipient: string;
  when: Trigger;
  period: Period;
  from: 'awareness' | 'discovery' | 'notifiable';
  text: string;
  basis: string;
  content: string[];
  /** Encrypted data with a safe key needs no notice under this provision. */
  encryptionExempts?: boolean;
  /** What a law enforcement delay may do, when the law allows one. */
  lawEnforcementDelay?: string;
  note?: string;
};

export type WorldLaw = {
  id: string;
  name: string;
  citation: string;
  url: string;
  commencement: string;
  /** First day on which the entry no longer applies (replaced by another entry). */
  until?: string;
  /** Residence keys (ISO 3166-1, or a supported ISO 3166-2 subdivision). */
  residence: string[];
  place: string;
  zone: string;
  authority?: string;
  regulator?: Notice;
  individuals?: Notice;
  processor?: { period: Period; text: string; basis: string; note: string; noDuty?: boolean };
  /** No statutory duty at all: the reason, returned as a considered, not required obligation. */
  noDuty?: string;
  noDutyKey?: string;
  noDutyRecipient?: string;
  /** Reason returned (not required) for an incident before the commencement. */
  beforeCommencement?: string;
  sources: { fact: string; url?: string; confirmed: boolean }[];
};

const NOW: Period = { unit: 'none' };
const H = (n: number): Period => ({ unit: 'hours', n });
const REG = [
  'nature',
  'categories_of_data',
  'approximate_people',
  'likely_consequences',
  'measures_taken',
  'contact_point',
];
const IND = ['nature', 'likely_consequences', 'measures_taken', 'steps_for_individuals', 'contact_point'];

export const WORLD_LAWS: readonly WorldLaw[] = [
  {
    id: 'ch-fadp',
    name: 'Switzerland Federal Act on Data Protection (nFADP)',
    citation: 'FADP (SR 235.1) Art. 24',
    url: 'https://www.fedlex.admin.ch/eli/cc/2022/491/en',
    commencement: '2023-09-01',
    residence: ['CH'],
    place: 'Switzerland',
    zone: 'Europe/Zurich',
    regulator: {
      key: 'fdpic',
      recipient: 'Federal Data Protection and Information Commissioner (FDPIC)',
      when: { kind: 'high_risk', test: 'likely to result in a high risk to the personality or fundamental rights' },
      period: NOW,
      from: 'awareness',
      text: 'as quickly as possible',
      basis: 'FADP Art. 24(1)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'a case where notice is necessary for their protection (or the FDPIC asks)' },
      period: NOW,
      from: 'awareness',
      text: 'if required for their protection or if the FDPIC so requests',
      basis: 'FADP Art. 24(4)',
      content: IND,
    },
    processor: {
      period: NOW,
      text: 'as quickly as possible',
      basis: 'FADP Art. 24(3)',
      note: 'The processor notifies the controller of any breach of data security as quickly as possible.',
    },
    sources: [
      {
        fact: "FDPIC as quickly as possible of a breach likely to lead to a high risk to the data subject's personality or fundamental rights (Art. 24(1)); processor to the controller as quickly as possible (Art. 24(3)); data subjects if required for their protection or if the FDPIC so requests (Art. 24(4))",
        url: 'https://lawbrary.ch/law/art/DSG-v2023.09-en-art-24',
        confirmed: true,
      },
    ],
  },
  {
    id: 'tr-kvkk',
    name: 'Turkey Personal Data Protection Law (KVKK)',
    citation: 'Law No. 6698 Art. 12(5); Board Decision 2019/10',
    url: 'https://www.kvkk.gov.tr/Icerik/6649/Personal-Data-Protection-Law',
    commencement: '2019-01-24',
    residence: ['TR'],
    place: 'Turkey',
    zone: 'Europe/Istanbul',
    regulator: {
      key: 'kvkk-board',
      recipient: 'Personal Data Protection Board (KVKK)',
      when: { kind: 'any' },
      period: H(72),
      from: 'awareness',
      text: 'without delay and at the latest within 72 hours of learning of the breach',
      basis: 'Law No. 6698 Art. 12(5); Board Decision 2019/10',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'any' },
      period: NOW,
      from: 'awareness',
      text: 'within a reasonable time once they are identified',
      basis: 'Law No. 6698 Art. 12(5); Board Decision 2019/10',
      content: IND,
    },
    sources: [
      {
        fact: 'where processed personal data are obtained by others by unlawful means, the controller notifies the data subject and the Board within the shortest time (Art. 12(5)), which the Board interpreted as 72 hours (Decision 2019/10 of 24 January 2019)',
        url: 'https://verisistem.com/en/legislation/board-decisions-and-announcements/135-the-board-decision-no-2019-10-of-24-01-2019-about-procedures-and-principles-of-personal-data-breach-notification',
        confirmed: true,
      },
      {
        fact: 'the 72 hours run from learning of the breach; data subjects within a reasonable time once identified (Decision 2019/10; the part of the decision read did not reach these words)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'sa-pdpl',
    name: 'Saudi Arabia Personal Data Protection Law',
    citation: 'PDPL Art. 20; Implementing Regulation Art. 24',
    url: 'https://sdaia.gov.sa/en/SDAIA/about/Documents/Personal%20Data%20English%20V2-23April2023-%20Reviewed-.pdf',
    commencement: '2023-09-14',
    residence: ['SA'],
    place: 'Saudi Arabia',
    zone: 'Asia/Riyadh',
    regulator: {
      key: 'sdaia',
      recipient: 'Saudi Data and AI Authority (SDAIA, National Data Governance Platform)',
      when: {
        kind: 'risk',
        test: 'an incident that may harm the data or the data subjects or conflict with their rights',
      },
      period: H(72),
      from: 'awareness',
      text: 'within 72 hours of becoming aware',
      basis: 'PDPL Art. 20(1); Implementing Regulation Art. 24',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'a breach that may cause damage to the data subjects' },
      period: NOW,
      from: 'awareness',
      text: 'without undue delay',
      basis: 'PDPL Art. 20(2); Implementing Regulation Art. 24',
      content: IND,
    },
    sources: [
      {
        fact: 'the controller notifies the Competent Authority upon knowing of any breach, damage or illegal access to personal data, and the data subject of one that would cause damage to their data or prejudice their rights and interests, in accordance with the Regulations (PDPL Art. 20(1)-(2))',
        url: 'https://saudi-pdpl.com/article-20/',
        confirmed: true,
      },
      {
        fact: 'Competent Authority within a delay not exceeding 72 hours of becoming aware, if the incident potentially causes harm to the personal data or the data subject or conflicts with their rights or interests (Implementing Regulation Art. 24(1))',
        url: 'https://ksapdpl.com/pdpl-implementing-regulation-article-24-notification-of-personal-data-breach',
        confirmed: true,
      },
      {
        fact: 'data subjects without undue delay (Implementing Regulation Art. 24(5); that paragraph was not read)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'ae-pdpl',
    name: 'UAE Personal Data Protection Law',
    citation: 'Federal Decree-Law No. 45 of 2021, Art. 9',
    url: 'https://u.ae/en/about-the-uae/digital-uae/data/data-protection-laws',
    commencement: '2022-01-02',
    residence: ['AE'],
    place: 'the United Arab Emirates',
    zone: 'Asia/Dubai',
    regulator: {
      key: 'data-office',
      recipient: 'UAE Data Office',
      when: {
        kind: 'risk',
        test: 'a breach that would prejudice the privacy, confidentiality or security of the data',
      },
      period: NOW,
      from: 'awareness',
      text: 'immediately upon becoming aware, within the period the executive regulations set',
      basis: 'Federal Decree-Law No. 45 of 2021, Art. 9(1)',
      content: REG,
      note: 'The law is in force but its executive regulations, which set the time limit and procedure, may not have been issued: check before relying on it.',
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: {
        kind: 'risk',
        test: 'a breach that would prejudice the privacy, confidentiality or security of the data',
      },
      period: NOW,
      from: 'awareness',
      text: 'immediately upon becoming aware',
      basis: 'Federal Decree-Law No. 45 of 2021, Art. 9(3)',
      content: IND,
    },
    processor: {
      period: NOW,
      text: 'immediately upon becoming aware',
      basis: 'Federal Decree-Law No. 45 of 2021, Art. 9(2)',
      note: 'The processor notifies the controller immediately.',
    },
    sources: [
      {
        fact: 'Art. 9 duties in force from 2022-01-02; the executive regulations that set time limits and procedure were not confirmed as issued',
        confirmed: false,
      },
    ],
  },
  {
    id: 'il-ppl',
    name: 'Israel Privacy Protection (Data Security) Regulations',
    citation: 'Privacy Protection (Data Security) Regulations, 5777-2017, reg. 11',
    url: 'https://www.gov.il/en/departments/the_privacy_protection_authority',
    commencement: '2018-05-08',
    residence: ['IL'],
    place: 'Israel',
    zone: 'Asia/Jerusalem',
    regulator: {
      key: 'ppa',
      recipient: 'Privacy Protection Authority',
      when: { kind: 'high_risk', test: 'a severe security incident' },
      period: NOW,
      from: 'awareness',
      text: 'immediately',
      basis: 'Data Security Regulations reg. 11',
      content: REG,
      note: 'Severe incidents are defined by the database security level (medium or high); Breachline takes a high-risk assessment as severe.',
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: {
        kind: 'onRequest',
        why: 'Data subjects are notified only when the Privacy Protection Authority orders it after consulting the head of the National Cyber Directorate.',
      },
      period: NOW,
      from: 'awareness',
      text: 'when the Authority orders it',
      basis: 'Data Security Regulations reg. 11',
      content: IND,
    },
    sources: [
      {
        fact: 'a severe security incident is, in a database at the high security level, any use of data without or beyond authorisation or damage to data integrity, and at the medium level one affecting a substantial part of the database (reg. 1)',
        url: 'https://informatica-juridica.com/regulations/privacy-protection-data-security-regulations-5777-2017-5-april-2017',
        confirmed: true,
      },
      {
        fact: "severe security incident reported to the Authority immediately; data subjects only on the Authority's order after consulting the head of the National Cyber Directorate (reg. 11; the regulation's text was not read); changes by Amendment 13 (in force 2025-08-14) not checked",
        confirmed: false,
      },
    ],
  },
  {
    id: 'za-popia',
    name: 'South Africa Protection of Personal Information Act (POPIA)',
    citation: 'POPIA (Act 4 of 2013) ss. 21(2), 22',
    url: 'https://inforegulator.org.za/popia/',
    commencement: '2021-07-01',
    residence: ['ZA'],
    place: 'South Africa',
    zone: 'Africa/Johannesburg',
    regulator: {
      key: 'information-regulator',
      recipient: 'Information Regulator',
      when: { kind: 'any' },
      period: NOW,
      from: 'notifiable',
      text: 'as soon as reasonably possible after discovery, on reasonable grounds to believe the information was accessed or acquired by an unauthorised person',
      basis: 'POPIA s. 22(1)-(2)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'any' },
      period: NOW,
      from: 'notifiable',
      text: 'as soon as reasonably possible after discovery',
      basis: 'POPIA s. 22(1)-(3)',
      content: IND,
      lawEnforcementDelay:
        'notice to data subjects be delayed only if a public body responsible for the prevention, detection or investigation of offences or the Regulator determines it would impede a criminal investigation',
      note: 'The notice may be left out only where the identity of the data subject cannot be established.',
    },
    processor: {
      period: NOW,
      text: 'immediately',
      basis: 'POPIA s. 21(2)',
      note: 'The operator notifies the responsible party immediately where there are reasonable grounds to believe the information was accessed or acquired by an unauthorised person.',
    },
    sources: [
      {
        fact: 'where there are reasonable grounds to believe personal information was accessed or acquired by an unauthorised person, the Regulator and the data subject (unless their identity cannot be established) as soon as reasonably possible after the discovery of the compromise (s. 22(1)-(2)); the operator notifies the responsible party immediately (s. 21(2))',
        url: 'https://ictpolicyafrica.org/en/document/0jlewanhffsm?page=18',
        confirmed: true,
      },
      {
        fact: 'delay of the notice to data subjects only on a determination by a public body responsible for investigating offences or the Regulator (s. 22(3)); in force 2021-07-01 after the grace year',
        confirmed: false,
      },
    ],
  },
  {
    id: 'ke-dpa',
    name: 'Kenya Data Protection Act',
    citation: 'Data Protection Act, 2019 (No. 24 of 2019) s. 43',
    url: 'http://kenyalaw.org:8181/exist/kenyalex/actview.xql?actid=CAP.%20411C',
    commencement: '2019-11-25',
    residence: ['KE'],
    place: 'Kenya',
    zone: 'Africa/Nairobi',
    regulator: {
      key: 'odpc',
      recipient: 'Office of the Data Protection Commissioner',
      when: { kind: 'risk', test: 'a real risk of harm to the data subjects' },
      period: H(72),
      from: 'awareness',
      text: 'without delay, within 72 hours of becoming aware',
      basis: 'Data Protection Act s. 43(1)(a)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'risk', test: 'a real risk of harm to the data subjects' },
      period: NOW,
      from: 'awareness',
      text: 'in writing within a reasonably practical period',
      basis: 'Data Protection Act s. 43(1)(b), (4), (6)',
      content: IND,
      encryptionExempts: true,
      lawEnforcementDelay:
        'notice to data subjects be delayed as necessary for the prevention, detection or investigation of an offence',
    },
    processor: {
      period: H(48),
      text: 'without delay and, where reasonably practicable, within 48 hours of becoming aware',
      basis: 'Data Protection Act s. 43(3)',
      note: 'The processor notifies the controller without delay and, where reasonably practicable, within 48 hours.',
    },
    sources: [
      {
        fact: 'commencement 25 November 2019 (Kenya Law, CAP. 411C)',
        confirmed: true,
      },
      {
        fact: 'Data Commissioner without delay, within 72 hours of becoming aware, reasons for a later notice (s. 43(1)(a), (2)); data subjects in writing within a reasonably practical period unless their identity cannot be established (s. 43(1)(b)); processor to the controller without delay and, where reasonably practicable, within 48 hours (s. 43(3)); communication to data subjects may be delayed or restricted as necessary and proportionate for the prevention, detection or investigation of an offence (s. 43(4))',
        url: 'https://ictpolicyafrica.org/en/document/n7xolcf4vk8?page=31',
        confirmed: true,
      },
      {
        fact: 'the trigger, a real risk of harm to the data subject (s. 43(1) opening words), and the exception for security safeguards such as encryption (s. 43(6)): the page read did not show the whole of either',
        confirmed: false,
      },
    ],
  },
  {
    id: 'ng-ndpa',
    name: 'Nigeria Data Protection Act',
    citation: 'Nigeria Data Protection Act, 2023, s. 40',
    url: 'https://ndpc.gov.ng/resources/',
    commencement: '2023-06-12',
    residence: ['NG'],
    place: 'Nigeria',
    zone: 'Africa/Lagos',
    regulator: {
      key: 'ndpc',
      recipient: 'Nigeria Data Protection Commission',
      when: { kind: 'risk', test: 'likely to result in a risk to the rights and freedoms of individuals' },
      period: H(72),
      from: 'awareness',
      text: 'within 72 hours of becoming aware',
      basis: 'NDPA s. 40(2)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'likely to result in a high risk to their rights and freedoms' },
      period: NOW,
      from: 'awareness',
      text: 'immediately, in plain and clear language',
      basis: 'NDPA s. 40(3)',
      content: IND,
      note: 'Where direct communication would involve disproportionate effort or expense, a public communication in widely used media replaces it.',
    },
    processor: {
      period: NOW,
      text: 'on becoming aware',
      basis: 'NDPA s. 40(1)',
      note: 'The processor notifies the controller (or processor) that engaged it, describing the breach, and answers its requests.',
    },
    sources: [
      {
        fact: 'processor on becoming aware (s. 40(1)); Commission within 72 hours on a risk (s. 40(2)); data subjects immediately on a high risk (s. 40(3))',
        url: 'https://lawglobalhub.com/section-40-nigeria-data-protection-act-2023',
        confirmed: true,
      },
      { fact: 'commencement on assent, 12 June 2023', confirmed: false },
    ],
  },
  {
    id: 'nz-privacy',
    name: 'New Zealand Privacy Act 2020',
    citation: 'Privacy Act 2020 ss. 112-117',
    url: 'https://www.legislation.govt.nz/act/public/2020/0031/latest/LMS23223.html',
    commencement: '2020-12-01',
    residence: ['NZ'],
    place: 'New Zealand',
    zone: 'Pacific/Auckland',
    regulator: {
      key: 'opc',
      recipient: 'Privacy Commissioner',
      when: { kind: 'high_risk', test: 'a notifiable privacy breach (serious harm caused or likely)' },
      period: NOW,
      from: 'awareness',
      text: 'as soon as practicable after becoming aware',
      basis: 'Privacy Act 2020 s. 114',
      content: REG,
      note: 'The Commissioner expects notice within 72 hours of becoming aware (guidance, not the Act).',
    },
    individuals: {
      key: 'individuals',
      recipient: 'Affected individuals (or a public notice where direct notice is not reasonably practicable)',
      when: { kind: 'high_risk', test: 'a notifiable privacy breach (serious harm caused or likely)' },
      period: NOW,
      from: 'awareness',
      text: 'as soon as practicable after becoming aware',
      basis: 'Privacy Act 2020 ss. 115-117',
      content: IND,
    },
    sources: [
      {
        fact: 'Commissioner and individuals as soon as practicable on a notifiable privacy breach (ss. 114-115)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'th-pdpa',
    name: 'Thailand Personal Data Protection Act',
    citation: 'PDPA B.E. 2562 (2019) ss. 37(4), 40(2)',
    url: 'https://www.pdpc.or.th/',
    commencement: '2022-06-01',
    residence: ['TH'],
    place: 'Thailand',
    zone: 'Asia/Bangkok',
    regulator: {
      key: 'pdpc',
      recipient: 'Office of the Personal Data Protection Committee',
      when: { kind: 'risk', test: 'likely to result in a risk to rights and freedoms' },
      period: H(72),
      from: 'awareness',
      text: 'without delay and, where feasible, within 72 hours of becoming aware',
      basis: 'PDPA s. 37(4)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'likely to result in a high risk to rights and freedoms' },
      period: NOW,
      from: 'awareness',
      text: 'without delay, with the remedial measures',
      basis: 'PDPA s. 37(4)',
      content: IND,
    },
    processor: {
      period: NOW,
      text: 'without delay',
      basis: 'PDPA s. 40(2)',
      note: 'The processor notifies the controller of the breach.',
    },
    sources: [
      {
        fact: 'Office within 72 hours unless unlikely to result in a risk; data subjects without delay on a high risk (s. 37(4)); in force 2022-06-01',
        confirmed: false,
      },
    ],
  },
  {
    id: 'ph-dpa',
    name: 'Philippines Data Privacy Act',
    citation: 'Republic Act No. 10173 s. 20(f); NPC Circular 16-03',
    url: 'https://privacy.gov.ph/',
    commencement: '2016-12-15',
    residence: ['PH'],
    place: 'the Philippines',
    zone: 'Asia/Manila',
    regulator: {
      key: 'npc',
      recipient: 'National Privacy Commission',
      when: {
        kind: 'high_risk',
        test: 'a breach of sensitive or identity-fraud-enabling information likely to give rise to a real risk of serious harm',
      },
      period: H(72),
      from: 'notifiable',
      text: 'within 72 hours upon knowledge of, or reasonable belief of, the breach',
      basis: 'RA 10173 s. 20(f); IRR s. 38(a)-(b); NPC Circular 16-03',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'a breach likely to give rise to a real risk of serious harm' },
      period: H(72),
      from: 'notifiable',
      text: 'within 72 hours upon knowledge of, or reasonable belief of, the breach',
      basis: 'RA 10173 s. 20(f); IRR s. 38(a)-(b); NPC Circular 16-03',
      content: IND,
    },
    sources: [
      {
        fact: 'Commission and affected data subjects within 72 hours upon knowledge of, or reasonable belief of, a breach requiring notification; required when sensitive or identity-fraud-enabling information is reasonably believed acquired by an unauthorised person and likely to give rise to a real risk of serious harm (IRR of RA 10173, s. 38(a)-(b))',
        url: 'https://legalresource.ph/data-breach-notification-data-privacy/385/',
        confirmed: true,
      },
      {
        fact: 'NPC Circular 16-03 is still the circular in force (a later circular may have replaced it)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'id-pdp',
    name: 'Indonesia Personal Data Protection Law',
    citation: 'Law No. 27 of 2022, Art. 46',
    url: 'https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022',
    commencement: '2024-10-17',
    residence: ['ID'],
    place: 'Indonesia',
    zone: 'Asia/Jakarta',
    regulator: {
      key: 'pdp-institution',
      recipient:
        'The personal data protection institution (Ministry of Communication and Digital Affairs until it is formed)',
      when: { kind: 'any' },
      period: H(72),
      from: 'awareness',
      text: 'in writing within 3 × 24 hours',
      basis: 'Law No. 27 of 2022, Art. 46(1)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'any' },
      period: H(72),
      from: 'awareness',
      text: 'in writing within 3 × 24 hours',
      basis: 'Law No. 27 of 2022, Art. 46(1)',
      content: IND,
    },
    sources: [
      {
        fact: 'data subjects and the institution within 3 × 24 hours (Art. 46); in force after the two-year transition, 17 October 2024',
        confirmed: false,
      },
    ],
  },
  {
    id: 'vn-pdpl',
    name: 'Vietnam Personal Data Protection Law',
    citation: 'Law No. 91/2025/QH15; Decree 356/2025/ND-CP',
    url: 'https://thuvienphapluat.vn/',
    commencement: '2026-01-01',
    residence: ['VN'],
    place: 'Vietnam',
    zone: 'Asia/Ho_Chi_Minh',
    regulator: {
      key: 'mps',
      recipient: 'Ministry of Public Security (Department of Cybersecurity and High-Tech Crime Prevention, A05)',
      when: { kind: 'any' },
      period: H(72),
      from: 'awareness',
      text: 'within 72 hours of detecting the breach',
      basis: 'Law No. 91/2025/QH15; Decree 356/2025/ND-CP',
      content: REG,
    },
    sources: [
      {
        fact: 'Ministry of Public Security within 72 hours, from 2026-01-01 (Law 91/2025/QH15 with Decree 356/2025)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'vn-decree13',
    name: 'Vietnam Decree 13/2023 on personal data protection',
    citation: 'Decree 13/2023/ND-CP Art. 23',
    url: 'https://thuvienphapluat.vn/',
    commencement: '2023-07-01',
    until: '2026-01-01',
    residence: ['VN'],
    place: 'Vietnam',
    zone: 'Asia/Ho_Chi_Minh',
    regulator: {
      key: 'mps',
      recipient: 'Ministry of Public Security (A05)',
      when: { kind: 'any' },
      period: H(72),
      from: 'awareness',
      text: 'within 72 hours of the violation',
      basis: 'Decree 13/2023/ND-CP Art. 23',
      content: REG,
      note: 'Applies to breaches known before 2026-01-01; later ones fall under Law 91/2025/QH15 (vn-pdpl). The 72 hours are counted here from awareness.',
    },
    sources: [
      { fact: 'Ministry of Public Security within 72 hours (Art. 23), 2023-07-01 to 2025-12-31', confirmed: false },
    ],
  },
  {
    id: 'my-pdpa',
    name: 'Malaysia Personal Data Protection Act (s. 12B, 2024 amendment)',
    citation: 'PDPA 2010 s. 12B (Act A1727); Guideline on Data Breach Notification',
    url: 'https://www.pdp.gov.my/',
    commencement: '2025-06-01',
    residence: ['MY'],
    place: 'Malaysia',
    zone: 'Asia/Kuala_Lumpur',
    regulator: {
      key: 'commissioner',
      recipient: 'Personal Data Protection Commissioner',
      when: {
        kind: 'harmOrScale',
        test: 'significant harm caused or likely',
        min: 1001,
        scale: 'more than 1,000 data subjects',
      },
      period: H(72),
      from: 'notifiable',
      text: 'as soon as practicable and no later than 72 hours from having reason to believe a breach occurred',
      basis: 'PDPA s. 12B(1); DBN Guideline',
      content: REG,
      note: 'A notice later than 72 hours must give the reasons for the delay.',
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'high_risk', test: 'significant harm caused or likely' },
      period: NOW,
      from: 'notifiable',
      text: 'without unnecessary delay (the guideline: within 7 days of notifying the Commissioner)',
      basis: 'PDPA s. 12B(2)',
      content: IND,
    },
    processor: {
      period: NOW,
      text: 'promptly, as the contract requires',
      basis: 'PDPA s. 12B; DBN Guideline',
      note: 'Section 12B binds the controller only; the guideline asks controllers to bind processors by contract to report promptly, so no statutory duty here.',
      noDuty: true,
    },
    sources: [
      {
        fact: 'Commissioner as soon as practicable on reason to believe (s. 12B(1)); data subjects without unnecessary delay on significant harm (s. 12B(2))',
        url: 'https://mylaw.my/legislation/akta-perlindungan-data-peribadi-pindaan-2024/section-6',
        confirmed: true,
      },
      {
        fact: '72 hours and the significant-scale threshold (more than 1,000) from the DBN Guideline; in force 2025-06-01',
        confirmed: false,
      },
    ],
  },
  {
    id: 'mx-lfpdppp',
    name: 'Mexico Federal Law on the Protection of Personal Data Held by Private Parties (2025)',
    citation: 'LFPDPPP (DOF 20 March 2025)',
    url: 'https://www.diputados.gob.mx/LeyesBiblio/pdf/LFPDPPP.pdf',
    commencement: '2025-03-21',
    residence: ['MX'],
    place: 'Mexico',
    zone: 'America/Mexico_City',
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects (titulares)',
      when: { kind: 'high_risk', test: 'a breach that significantly affects their property or moral rights' },
      period: NOW,
      from: 'awareness',
      text: 'immediately, once the affected party confirms the breach',
      basis: 'LFPDPPP (2025), duty to inform data subjects of security breaches',
      content: IND,
      note: 'The law requires no notice to an authority, only to the data subjects.',
    },
    sources: [
      {
        fact: 'data subjects only, immediately, when their property or moral rights are significantly affected; article number not checked',
        confirmed: false,
      },
    ],
  },
  {
    id: 'ar-pdpa',
    name: 'Argentina Personal Data Protection Law',
    citation: 'Law No. 25,326',
    url: 'https://www.argentina.gob.ar/normativa/nacional/ley-25326-64790',
    commencement: '2000-11-02',
    residence: ['AR'],
    place: 'Argentina',
    zone: 'America/Argentina/Buenos_Aires',
    noDuty:
      'Argentina has no statutory duty to notify a personal data breach: Law 25,326 requires security measures but no notice to the AAIP or to data subjects. The AAIP recommends notifying (security-measures guidance); do so voluntarily where it helps people protect themselves.',
    noDutyRecipient: 'Agency for Access to Public Information (AAIP)',
    noDutyKey: 'aaip',
    sources: [{ fact: 'no statutory breach notification duty under Law 25,326', confirmed: false }],
  },
  {
    id: 'co-habeas-data',
    name: 'Colombia personal data protection law (habeas data)',
    citation: 'Law 1581 of 2012, Arts. 17(n), 18(k)',
    url: 'https://www.sic.gov.co/',
    commencement: '2012-10-18',
    residence: ['CO'],
    place: 'Colombia',
    zone: 'America/Bogota',
    regulator: {
      key: 'sic',
      recipient: 'Superintendence of Industry and Commerce (SIC), through the RNBD',
      when: { kind: 'any' },
      period: { unit: 'businessDays', n: 15, calendar: 'weekends-only' },
      from: 'discovery',
      text: 'within 15 business days of detecting the security incident',
      basis: 'Law 1581 of 2012, Arts. 17(n), 18(k); SIC instructions',
      content: REG,
      note: 'Business days skip weekends only; Colombian holidays are not modelled.',
    },
    sources: [
      {
        fact: 'controllers and processors inform the SIC of violations of security codes (Arts. 17(n), 18(k))',
        confirmed: false,
      },
      {
        fact: '15 business days from detection (SIC instructions for the national register of databases)',
        confirmed: false,
      },
    ],
  },
  {
    id: 'cl-pdp',
    name: 'Chile Personal Data Protection Law (Law 21,719)',
    citation: 'Law 19,628 as amended by Law 21,719',
    url: 'https://www.bcn.cl/leychile/navegar?idNorma=1209272',
    commencement: '2026-12-01',
    residence: ['CL'],
    place: 'Chile',
    zone: 'America/Santiago',
    beforeCommencement:
      'No duty before 2026-12-01: Law 19,628 has no breach notification duty; Law 21,719 introduces one to the Personal Data Protection Agency from 1 December 2026.',
    noDutyKey: 'agency',
    noDutyRecipient: 'Personal Data Protection Agency',
    authority: 'Personal Data Protection Agency',
    regulator: {
      key: 'agency',
      recipient: 'Personal Data Protection Agency',
      when: { kind: 'risk', test: 'a reasonable risk to the rights and freedoms of the data subjects' },
      period: NOW,
      from: 'awareness',
      text: 'by the most expeditious means and without undue delay',
      basis: 'Law 19,628 as amended by Law 21,719 (duty to report breaches of security measures)',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: {
        kind: 'high_risk',
        test: 'a breach of sensitive data, data of children and adolescents, or economic, financial or bank data',
      },
      period: NOW,
      from: 'awareness',
      text: 'in clear and simple language, without undue delay',
      basis: 'Law 19,628 as amended by Law 21,719',
      content: IND,
      note: "The law names the categories (sensitive, children's, economic or financial data); Breachline takes a high-risk assessment as such a breach.",
    },
    sources: [
      {
        fact: "duty to report to the Agency and, for sensitive, children's or financial data, to data subjects, from 2026-12-01; article numbers not checked",
        confirmed: false,
      },
    ],
  },
  {
    id: 'pe-pdp',
    name: 'Peru Personal Data Protection Law and its 2024 Regulation',
    citation: 'Law 29733; Supreme Decree 016-2024-JUS',
    url: 'https://www.gob.pe/anpd',
    commencement: '2025-03-30',
    residence: ['PE'],
    place: 'Peru',
    zone: 'America/Lima',
    regulator: {
      key: 'anpd',
      recipient: 'National Authority for Personal Data Protection (ANPD)',
      when: { kind: 'any' },
      period: H(48),
      from: 'awareness',
      text: 'within 48 hours of becoming aware of the security incident',
      basis: 'Supreme Decree 016-2024-JUS',
      content: REG,
    },
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'risk', test: 'an incident that affects their rights' },
      period: H(48),
      from: 'awareness',
      text: 'within 48 hours of becoming aware, in clear and simple language',
      basis: 'Supreme Decree 016-2024-JUS',
      content: IND,
    },
    sources: [
      {
        fact: 'ANPD within 48 hours (Regulation of Supreme Decree 016-2024-JUS, in force 2025-03-30)',
        url: 'https://blog.llama.pe/leyes-y-actualizaciones/ley-de-proteccion-de-datos-personales-en-peru-nuevos-cambios-clave-que-debes-conocer',
        confirmed: false,
      },
      { fact: 'data subjects within 48 hours; article numbers not checked', confirmed: false },
    ],
  },
  {
    id: 'hk-pdpo',
    name: 'Hong Kong Personal Data (Privacy) Ordinance',
    citation: 'Cap. 486',
    url: 'https://www.pcpd.org.hk/english/resources_centre/publications/guidance/guidance.html',
    commencement: '1996-12-20',
    residence: ['HK'],
    place: 'Hong Kong',
    zone: 'Asia/Hong_Kong',
    noDuty:
      "Hong Kong has no statutory duty to notify a data breach: notice to the PCPD and to data subjects is voluntary under the PCPD's Guidance on Data Breach Handling; the PCPD recommends notifying as soon as practicable.",
    noDutyKey: 'pcpd',
    noDutyRecipient: 'Office of the Privacy Commissioner for Personal Data (PCPD)',
    sources: [{ fact: 'breach notification voluntary under the PDPO (Cap. 486)', confirmed: false }],
  },
  {
    id: 'tw-pdpa',
    name: 'Taiwan Personal Data Protection Act',
    citation: 'PDPA Art. 12; Enforcement Rules Art. 22',
    url: 'https://law.moj.gov.tw/ENG/LawClass/LawAll.aspx?pcode=I0050021',
    commencement: '2012-10-01',
    residence: ['TW'],
    place: 'Taiwan',
    zone: 'Asia/Taipei',
    individuals: {
      key: 'data-subjects',
      recipient: 'Affected data subjects',
      when: { kind: 'any' },
      period: NOW,
      from: 'awareness',
      text: 'by appropriate means after the facts are investigated',
      basis: 'PDPA Art. 12; Enforcement Rules Art. 22',
      content: IND,
      note: 'Sector regulators (financial, telecoms, e-commerce) may require a report to them, some within 72 hours; not modelled.',
    },
    sources: [
      { fact: 'data subjects after investigation (Art. 12); sector-authority reports not modelled', confirmed: false },
    ],
  },
  {
    id: 'ca-ab',
    name: 'Alberta Personal Information Protection Act',
    citation: 'PIPA (SA 2003, c. P-6.5) ss. 34.1, 37.1',
    url: 'https://kings-printer.alberta.ca/1266.cfm?page=P06P5.cfm&leg_type=Acts&isbncln=9780779841318',
    commencement: '2010-05-01',
    residence: ['CA-AB'],
    place: 'Alberta',
    zone: 'America/Edmonton',
    regulator: {
      key: 'oipc',
      recipient: 'Information and Privacy Commissioner of Alberta',
      when: { kind: 'high_risk', test: 'a real risk of significant harm to an individual' },
      period: NOW,
      from: 'awareness',
      text: 'without unreasonable delay',
      basis: 'PIPA s. 34.1',
      content: REG,
    },
    individuals: {
      key: 'individuals',
      recipient: 'Affected individuals',
      when: {
        kind: 'onRequest',
        why: 'Individuals are notified when the Commissioner requires it (s. 37.1); an organization may also notify them voluntarily.',
      },
      period: NOW,
      from: 'awareness',
      text: 'in the time and manner the Commissioner sets',
      basis: 'PIPA s. 37.1',
      content: IND,
    },
    sources: [
      {
        fact: 'Commissioner without unreasonable delay on a real risk of significant harm (s. 34.1); individuals when the Commissioner requires (s. 37.1)',
        confirmed: false,
      },
    ],
  },
];
