// The words the catalog and its callers share: data elements, sectors,
// audiences, notice content elements and the jurisdiction codes we accept.

export const DATA_ELEMENTS = [
  'name',
  'email',
  'phone',
  'postal_address',
  'date_of_birth',
  'national_id',
  'drivers_license',
  'passport',
  /** Other identification numbers issued by a government or public body: military, state or tribal ID card, alien registration, student ID of a public school. */
  'government_id',
  'tax_id',
  'financial_account',
  'payment_card',
  'account_credentials',
  /** An employer-assigned identification number (several states count it with an access code or password). */
  'employee_id',
  'mothers_maiden_name',
  /** A unique electronic signature or digital signature. */
  'electronic_signature',
  'health',
  'health_insurance',
  'biometric',
  'genetic',
  'precise_location',
  'online_identifier',
  'children',
] as const;
export type DataElement = (typeof DATA_ELEMENTS)[number];

export const SECTORS = [
  'hipaa',
  'hipaa-business-associate',
  'sec-registrant',
  'nydfs',
  'nis2-essential',
  'nis2-important',
  'cii-operator',
  /** A financial institution under the FTC Safeguards Rule (16 CFR 314), GLBA. */
  'glba-financial-institution',
  /** A vendor of personal health records or PHR related entity under the FTC Health Breach Notification Rule (16 CFR 318). */
  'ftc-hbnr-vendor',
  /** A covered institution under the SEC's Regulation S-P (17 CFR 248.30) as amended in 2024. */
  'sec-reg-sp',
  /** A licensee under a state insurance data-security law on the NAIC model (MDL-668). */
  'insurance-licensee',
  /** A financial entity under DORA, Regulation (EU) 2022/2554. */
  'dora-financial-entity',
  /** A provider of publicly available electronic communications services (EU Reg. 611/2013) or a telecommunications carrier (47 CFR 64.2011). */
  'telecom-provider',
] as const;
export type Sector = (typeof SECTORS)[number];

export const AUDIENCES = ['regulator', 'individuals', 'media', 'credit_agencies', 'controller'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const HOLD_SOURCES = ['law_enforcement', 'company', 'us_attorney_general'] as const;
export type HoldSource = (typeof HOLD_SOURCES)[number];
export const HOLD_FORMS = ['written', 'oral'] as const;
export type HoldForm = (typeof HOLD_FORMS)[number];

export const CONTENT_ELEMENTS: Record<string, { label: string; description: string }> = {
  nature: {
    label: 'Nature of the breach',
    description: 'What happened: the kind of incident and how the data was affected.',
  },
  categories_of_data: {
    label: 'Categories of data',
    description: 'The kinds of personal data (data elements) involved.',
  },
  categories_of_people: {
    label: 'Categories of people',
    description: 'The kinds of people concerned (customers, employees, patients ...).',
  },
  approximate_people: {
    label: 'Approximate number of people',
    description: 'How many people are or may be affected, in total and per jurisdiction where asked.',
  },
  approximate_records: { label: 'Approximate number of records', description: 'How many records are concerned.' },
  dpo_contact: {
    label: 'DPO or contact details',
    description: 'Name and contact details of the data protection officer or other contact point.',
  },
  contact_point: {
    label: 'Contact point',
    description: 'Where the recipient can get more information (address, phone, web page).',
  },
  likely_consequences: {
    label: 'Likely consequences',
    description: 'The likely consequences or possible harm for the people concerned.',
  },
  measures_taken: {
    label: 'Measures taken',
    description: 'What has been done to address the breach and mitigate its effects.',
  },
  measures_proposed: {
    label: 'Measures proposed',
    description: 'What will be done to address the breach and mitigate its effects.',
  },
  steps_for_individuals: { label: 'What people can do', description: 'Steps a person can take to protect themselves.' },
  remedies: {
    label: 'Remedies',
    description: 'Rights and remedies available, including how to complain to the regulator.',
  },
  occurred_at: { label: 'When it happened', description: 'Date, estimated date or date range of the breach.' },
  discovered_at: {
    label: 'When it was discovered',
    description: 'When the breach was discovered or the organisation became aware of it.',
  },
  delay_reason: {
    label: 'Reasons for delay',
    description: 'Why the notice is late, when it is sent after the deadline.',
  },
  law_enforcement_delay: {
    label: 'Law enforcement delay',
    description: 'Whether notice was delayed because of a law enforcement investigation.',
  },
  credit_monitoring_offer: {
    label: 'Credit monitoring offer',
    description: 'The free credit monitoring or identity theft protection offered, and how to enrol.',
  },
  regulator_contacts: {
    label: 'Regulator and agency contacts',
    description: 'Contact details of the credit reporting agencies, the FTC or the state regulator.',
  },
  security_freeze: {
    label: 'Security freeze',
    description: 'How to place a security freeze (credit freeze) free of charge, and what the agencies may ask for.',
  },
  fraud_alert: {
    label: 'Fraud alert',
    description: 'How to place a fraud alert with the consumer reporting agencies.',
  },
  police_report: {
    label: 'Police report',
    description: 'That the person may file and obtain a police report.',
  },
  toll_free_numbers: {
    label: 'Toll-free numbers',
    description: 'Toll-free numbers and addresses of the major consumer reporting agencies.',
  },
  date_of_notice: { label: 'Date of notice', description: 'The date the notice is sent.' },
  notice_title: {
    label: 'Prescribed title',
    description: 'The title the statute prescribes for the notice (e.g. "Notice of Data Breach").',
  },
  sample_notice: {
    label: 'Sample of the individual notice',
    description: 'A copy of the notice sent to individuals, without personal data.',
  },
  incident_type: {
    label: 'Incident type and affected systems',
    description: 'The kind of incident, the systems and services affected, and the suspected cause.',
  },
  cross_border_impact: {
    label: 'Cross-border impact',
    description: 'Whether the incident has or may have an effect in other countries.',
  },
  severity_and_impact: {
    label: 'Severity and impact',
    description: 'Severity of the incident and its impact, including indicators of compromise where available.',
  },
  root_cause: { label: 'Root cause', description: 'The threat or root cause that likely triggered the incident.' },
  material_impact: {
    label: 'Material impact',
    description:
      'The material impact or reasonably likely material impact on the registrant, including its financial condition and results of operations.',
  },
  extortion_payment: {
    label: 'Extortion payment',
    description: 'That an extortion payment was made in connection with a cybersecurity event, and when.',
  },
  extortion_justification: {
    label: 'Reasons for the extortion payment',
    description:
      'Why the payment was necessary, the alternatives considered, and the sanctions diligence performed (23 NYCRR 500.17(c)).',
  },
  entity_contacts: {
    label: 'Reporting entity',
    description: 'Identity and contact details of the reporting organisation.',
  },
};

export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;
/** EU plus the EEA EFTA states, where the GDPR applies through the EEA Agreement. */
export const EEA_STATES: readonly string[] = [...EU_MEMBER_STATES, 'IS', 'LI', 'NO'];

const ISO_3166_1 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
export const COUNTRY_CODES: readonly string[] = ISO_3166_1.split(' ');

export const US_STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
  UM: 'U.S. Minor Outlying Islands',
};
export const CA_PROVINCE_NAMES: Readonly<Record<string, string>> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};
export const AU_STATE_NAMES: Readonly<Record<string, string>> = {
  ACT: 'Australian Capital Territory',
  NSW: 'New South Wales',
  NT: 'Northern Territory',
  QLD: 'Queensland',
  SA: 'South Australia',
  TAS: 'Tasmania',
  VIC: 'Victoria',
  WA: 'Western Australia',
};

const SUBDIVISIONS: ReadonlySet<string> = new Set([
  ...Object.keys(US_STATE_NAMES).map((s) => `US-${s}`),
  ...Object.keys(CA_PROVINCE_NAMES).map((s) => `CA-${s}`),
  ...Object.keys(AU_STATE_NAMES).map((s) => `AU-${s}`),
]);
const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** ISO 3166-1 alpha-2 country, or an ISO 3166-2 subdivision the catalog resolves (US, Canada, Australia). */
export function isKnownJurisdiction(code: string): boolean {
  return COUNTRIES.has(code) || SUBDIVISIONS.has(code);
}

/** The country part of a residence key: 'US-CA' -> 'US', 'DE' -> 'DE'. */
export function countryOf(code: string): string {
  return code.slice(0, 2);
}
