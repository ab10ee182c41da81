import type { Audience } from './vocabulary';

/** Where a fact of the catalog comes from, and whether it was checked against that source. */
export type Source = { fact: string; url: string; confirmed: boolean };

/** A way of telling a person: by email, text message, letter (first-class mail) or telephone call. */
export type NoticeChannel = 'email' | 'sms' | 'letter' | 'call';
/**
 * How a channel counts as notice under a law: on its own; only with the person's agreement (E-SIGN consent to
 * electronic notice, HIPAA's agreement to email); or only in addition to a channel that counts (HIPAA's call).
 */
export type ChannelCounts = 'counts' | 'with_consent' | 'in_addition';
export type NoticeChannels = Readonly<Partial<Record<NoticeChannel, ChannelCounts>>>;

export type Obligation = {
  /** `${regime}:${audience}:${recipientKey}`, stable across runs. */
  id: string;
  regime: string;
  audience: Audience;
  recipient: string;
  required: boolean;
  /** ISO UTC instant, or null with the reason in `why`. */
  dueAt: string | null;
  deadline: string;
  basis: string;
  why: string;
  /** Content element ids (keys of CONTENT_ELEMENTS). */
  content: string[];
  /** Content element ids the law forbids in this notice (Massachusetts: the nature of the breach and the number affected). */
  contentProhibited?: string[];
  /**
   * For a notice to individuals: the channels that count as notice under the law; a channel not named does not
   * count. Absent where the catalog does not model the law's means of notice.
   */
  channels?: NoticeChannels;
  /** With `credit_monitoring_offer` in content: the months of free services the law asks to be offered. */
  creditMonitoringMonths?: number;
  /** Whether a hold of the facts' source and form (law enforcement, written, when none is given) may delay this obligation. */
  holdMayDelay: boolean;
  sources?: Source[];
  /**
   * Due now: required, no fixed outer limit ("immediately", "without undue delay", "most expedient time"),
   * its clock has started, no hold delays it and no matching notice is in noticesSent. Such obligations have
   * dueAt null; this flag keeps them in deadline lists and reminders (issue 13).
   */
  dueNow?: boolean;
  /** ISO UTC instant the obligation's clock started (awareness, discovery, determination ...), when known. */
  clockStartedAt?: string;
  /** For a dueNow obligation: remind at this instant (24 hours after the clock start unless the regime says otherwise). */
  remindAt?: string;
  /** For a dueNow obligation: escalate at this instant (72 hours after the clock start unless the regime says otherwise). */
  escalateAt?: string;
  /**
   * The engine's verdict on the facts' hold: present (true) when a hold nobody has released delays this required
   * obligation now: the law accepts the hold's source and form (holdMayDelay), it was requested before the
   * deadline (or the deadline is unknown), and it is either open-ended or an oral hold within the law's cap (then
   * `heldUntil` says when the cap ends). Absent for a released hold, a hold requested after the deadline, a hold
   * the law does not accept, no hold, and an obligation that is not required.
   */
  heldNow?: true;
  /**
   * ISO UTC instant at which the hold stops delaying this obligation although nobody released it: an oral hold's
   * cap under the law (requestedAt + the law's maximum days, e.g. HIPAA's 30). Present only with `heldNow`. The
   * engine is time-independent, so the consumer compares with its clock: before heldUntil the obligation is held
   * (this takes precedence over `dueNow`, which an obligation with no fixed limit may carry alongside); from it on
   * the hold no longer counts and `dueAt` (already moved by the capped hold) or `dueNow` applies as computed.
   */
  heldUntil?: string;
  /**
   * The law's order against the notice to individuals of the same regime: a report that must go before it (New
   * Jersey's State Police), with it, or after it. Absent when the law sets none.
   */
  order?: 'beforeIndividuals' | 'withIndividuals' | 'afterIndividuals';
  /** ISO UTC instant of the earliest noticesSent entry matching this obligation; a met obligation is not dueNow. */
  metAt?: string;
  /**
   * The catalog facts this obligation rests on that were not checked against the law's text (the `fact` of each
   * source with confirmed: false), so the incident room and the report can say "check before relying on it"
   * without parsing `why`. Absent when every fact is confirmed.
   */
  unconfirmedFacts?: string[];
  /**
   * For a notice to individuals: when the law lets it be given by substitute means (website, email, media) instead
   * of individually. Any one condition suffices; the app's public announcement rests on it. Absent when the catalog
   * does not model the law's conditions.
   */
  substituteNotice?: { costOver: number; peopleOver: number; noContact: boolean; means: string; basis: string };
};

export type RegimeInfo = {
  id: string;
  name: string;
  citation: string;
  sourceUrl: string;
  /** Date (YYYY-MM-DD) from which the rule applies, by the incident's awarenessAt. */
  commencement: string;
  /**
   * The language (BCP 47) the regulator takes reports in, where it requires one other than English;
   * reports under the regime are rendered in it. Absent: English.
   */
  reportLanguage?: string;
  /**
   * The regime's words in reportLanguage, keyed by the English text the catalog gives: its name and its
   * regulator obligations' recipients, legal bases and deadlines, so a report's header reads in one language.
   */
  reportTexts?: Readonly<Record<string, string>>;
};
