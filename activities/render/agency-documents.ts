// Documents for the audiences a US law may add to a breach (issue 14): a letter to each nationwide consumer
// reporting agency with the timing, distribution and content of the notices and the number of people (e.g.
// N.Y. Gen. Bus. Law § 899-aa(8)(b)), and a statement for prominent media outlets (45 CFR 164.406). English
// only: both go to US recipients. Rendered for the approver to read; they are sent by hand and recorded.
import { CREDIT_AGENCIES, FTC_CONTACT, type AgencyContact } from './credit-agencies';
import { loadTemplate } from './loader';

export interface AgencyDocumentFacts {
  /** ISO instant: the date the document shows. */
  date: string;
  /** The public headline: never the internal incident title. */
  headline: string;
  org: {
    legalName: string;
    postalAddress: string[];
    dpo: { name: string; email: string; phone: string | null };
    contactPhone: string | null;
  };
  /** The laws that ask for the document, by citation. */
  bases: string[];
  people: number;
  /** US states with their residents among the people, largest first. */
  residents: { name: string; people: number }[];
  approvedAt: string | null;
  firstSentAt: string | null;
  lastSentAt: string | null;
  /** How the notices went out: people reached per channel. */
  channels: { channel: string; people: number }[];
  substitute: boolean;
  publicNoticeUrl: string | null;
  discoveredAt: string | null;
  /** Labels of the data elements involved. */
  dataElements: string[];
}

const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  sms: 'Text message',
  letter: 'Letter by first-class mail',
  call: 'Telephone call',
};

function context(f: AgencyDocumentFacts) {
  return {
    ...f,
    multipleBases: f.bases.length > 1,
    channels: f.channels.map((c) => {
      const label = CHANNEL_LABELS[c.channel] ?? c.channel;
      return { ...c, label, lower: label.toLowerCase() };
    }),
    agencies: CREDIT_AGENCIES,
    ftc: FTC_CONTACT,
  };
}

export function renderCreditAgencyLetter(agency: AgencyContact, facts: AgencyDocumentFacts): string {
  return loadTemplate('credit-agency-letter', 'en', 'html')({ ...context(facts), agency }, 'en');
}

export function renderPressStatement(facts: AgencyDocumentFacts): string {
  return loadTemplate('press-statement', 'en', 'html')(context(facts), 'en');
}

export { CREDIT_AGENCIES };
