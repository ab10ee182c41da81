import type { Audience } from './vocabulary';

/** Where a fact of the catalog comes from, and whether it was checked against that source. */
export type Source = { fact: string; url: string; confirmed: boolean };

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
  /** ISO UTC instant of the earliest noticesSent entry matching this obligation; a met obligation is not dueNow. */
  metAt?: string;
  /**
   * The catalog facts this obligation rests on that were not checked against the law's text (the `fact` of each
   * source with confirmed: false), so the incident room and the report can say "check before relying on it"
   * without parsing `why`. Absent when every fact is confirmed.
   */
  unconfirmedFacts?: string[];
};

export type RegimeInfo = {
  id: string;
  name: string;
  citation: string;
  sourceUrl: string;
  /** Date (YYYY-MM-DD) from which the rule applies, by the incident's awarenessAt. */
  commencement: string;
};
