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
};

export type RegimeInfo = {
  id: string;
  name: string;
  citation: string;
  sourceUrl: string;
  /** Date (YYYY-MM-DD) from which the rule applies, by the incident's awarenessAt. */
  commencement: string;
};
