import type { NoticeChannels } from '../../types';
import type { Audience, DataElement } from '../../vocabulary';

// The shape of one state's breach notification law, as data. Thresholds are the
// smallest number of affected residents that triggers a notice (a statute's
// "more than 500" is 501, "500 or more" is 500). `checked` lists the facts
// confirmed against the statute's text; every other fact of an entry is the
// well-known shape from breach charts and is reported as unconfirmed.

export type RegulatorWhen =
  /** No later than the notice to residents (same deadline as individuals). */
  | { kind: 'withIndividuals' }
  /** Before the notice to residents. */
  | { kind: 'beforeIndividuals' }
  /** A number of days after the notice to individuals has been sent. */
  | { kind: 'afterIndividuals'; days: number; businessDays?: boolean }
  | { kind: 'fromDiscovery'; days: number; businessDays?: boolean }
  | { kind: 'fromDetermination'; days: number }
  | { kind: 'expedient' };

export type StateRegulator = {
  key: string;
  name: string;
  /** Smallest number of affected residents that triggers this notice; 1 = any notifiable breach. */
  min: number;
  when: RegulatorWhen;
  /** A notice of a no-harm determination is due here instead when the harm exemption is used. */
  onNoHarm?: boolean;
};

/**
 * When the statute lets the notice to residents be given by substitute means (a website posting, email and
 * statewide media) instead of individually. Any one condition suffices. The app's public announcement rests on it.
 */
export type SubstituteNotice = {
  /** Individual notice would cost more than this many US dollars. */
  costOver: number;
  /** More than this many residents would have to be notified. */
  peopleOver: number;
  /** The entity lacks sufficient contact information (the statute's words vary: address, email, both). */
  noContact: boolean;
  /** The means the statute lists, in its words. */
  means: string;
  /** Section of the statute, e.g. 'Tex. Bus. & Com. Code § 521.053(f)'. */
  section: string;
};

/** A statute or amendment relied on, with the date from which it is in force. */
export type Enactment = { act: string; effective: string };

export type StateLaw = {
  code: string;
  citation: string;
  url: string;
  zone: string;
  /** Elements beyond the baseline (SSN, driver's licence, financial account, payment card) that count with a name. */
  extra: DataElement[];
  /** Baseline elements the statute does not cover (rare: a few statutes omit driver's licence or card numbers). */
  notBaseline?: DataElement[];
  /** Elements that count alone, without a name (e.g. username or email with password). */
  alone?: DataElement[];
  /**
   * The encryption safe harbour. Absent: encrypted data is excluded unless the key was also acquired. `keyException:
   * false` records a statute that does not mention the key; Breachline still treats data whose key was compromised
   * as unencrypted (the conservative reading) and says so in the why.
   */
  encryption?: { keyException: boolean; section?: string };
  /** May notice to individuals be skipped when an investigation finds no reasonable likelihood of harm? */
  harm: boolean;
  /** The statute's risk-of-harm test in its own words, for the why (e.g. 'not reasonably likely to result in substantial harm'). */
  harmTest?: string;
  individuals: { days?: number; from?: 'discovery' | 'determination' };
  regulators: StateRegulator[];
  cra?: { min: number };
  /** Third party maintaining data for the owner: days to tell the owner (otherwise immediately / without unreasonable delay). */
  processorDays?: number;
  processorHours?: number;
  /** A law enforcement request must be written to delay notice. */
  holdWritten?: boolean;
  creditMonitoring?: { months: number; elements: DataElement[] };
  substitute?: SubstituteNotice;
  /**
   * Content elements (keys of CONTENT_ELEMENTS) the statute requires in the notice to residents, e.g.
   * regulator_contacts where it requires the FTC's and the Attorney General's contact details. Absent: the statute
   * prescribes no content and Breachline's recommended list applies.
   */
  individualContent?: string[];
  /** Content elements the statute forbids in the notice to residents (Massachusetts: the nature of the breach and the number affected). */
  prohibitedContent?: string[];
  /** The means of notice to residents that count, when the law narrows the baseline (email, SMS, letter). */
  channels?: NoticeChannels;
  /** Section of the statute that prescribes the content, when individualContent is given. */
  contentSection?: string;
  /** The base statute and every amendment relied on, with the dates they took effect. */
  enactments?: Enactment[];
  /** Later versions of the entry, applied by awarenessAt. */
  amendments?: { from: string; citation: string; change: Partial<Omit<StateLaw, 'amendments' | 'code'>> }[];
  /**
   * Facts confirmed against the statute's text, each naming its section, with the URL read. `audience` says which
   * notice a fact is about when its words do not; 'definition' marks the list of covered elements as checked.
   */
  checked?: { fact: string; url: string; audience?: Audience | 'all' | 'definition' }[];
  notes?: string[];
};
