/** What the renderers take. Optional values are null, never omitted: a template that meets undefined fails. */
import type { Locale } from './locale';

export interface OrgView {
  legalName: string;
  country: string;
  dpo: { name: string; email: string; phone: string | null };
  contactUrl: string | null;
  /** The organisation's postal address, one string per line; null until the profile has one. */
  postalAddress: string[] | null;
  /** The organisation's telephone number for affected people (E.164). */
  contactPhone: string | null;
}

export interface IncidentFactsView {
  /** Incident id. */
  reference: string;
  /** The assessment's public headline ('' until given); never the internal incident title. */
  title: string;
  occurredAt: string | null;
  /** Awareness time. */
  discoveredAt: string;
  /** Vocabulary ids (see DATA_ELEMENTS); templates show localized labels. */
  dataElements: string[];
  approximatePeople: number;
  approximateRecords: number | null;
  affectedByJurisdiction: { code: string; count: number }[];
  /** Free text from the assessment; null means "use the built-in default". */
  narrative: {
    whatHappened: string | null;
    likelyConsequences: string | null;
    measuresTaken: string | null;
    measuresPlanned: string | null;
    stepsForIndividuals: string | null;
    remedies: string | null;
  };
  /**
   * Free text per locale, as the assessment keeps it. When present it wins over `narrative`: a notice reads
   * only the text of its own language and fills the rest with that language's built-in texts, never another
   * language's free text. Absent in a view built for one language (`narrative` then serves every locale).
   */
  narrativeByLocale?: Partial<Record<Locale, IncidentFactsView['narrative']>>;
  /**
   * The public headline per locale (English is the assessment's `publicHeadline`). When present, a
   * document carries its own language's headline or that language's built-in one, never another's;
   * absent in a view built for one language (`title` then serves every locale).
   */
  headlineByLocale?: Partial<Record<Locale, string>>;
  publicNoticeUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface NoticeInput {
  org: OrgView;
  incident: IncidentFactsView;
}

export interface ControllerNoticeInput extends NoticeInput {
  controller: { name: string };
}

export interface RegulatorReportInput extends NoticeInput {
  regulator: {
    name: string;
    regime: string;
    regimeName: string;
    basis: string;
    deadline: string;
    dueAt: string | null;
  };
  phase: 'initial' | 'supplementary';
  /** Content element ids, one section each, in this order. */
  content: string[];
  delayReason: string | null;
  holdNote: string | null;
  /** What this supplementary report adds or corrects (GDPR Art. 33(4)); null for an initial report. */
  supplement?: string | null;
  /** Date shown for the date_of_notice element; defaults to the time of rendering. */
  noticeDate?: string;
}

export interface ReminderInput {
  org: OrgView;
  incidentRef: string;
  incidentTitle: string;
  kind: 'reminder' | 'escalation' | 'hold_review';
  obligation: {
    regime: string;
    audience: string;
    recipient: string;
    basis: string;
    deadline: string;
    dueAt: string | null;
  } | null;
  incidentUrl: string | null;
}

export interface PublicNoticeInput extends NoticeInput {
  publishedAt: string;
}

export interface ClosingReportInput {
  org: OrgView;
  incident: IncidentFactsView & {
    stage: string;
    status: string;
    severity: string;
    awarenessAt: string | null;
    closedAt: string | null;
    summary: string | null;
  };
  /** `actor` as a person reads it (a name); `actorId` the chain's "kind:id", kept for audit. */
  timeline: { seq: number; at: string; type: string; actor: string; actorId: string; summary: string }[];
  obligations: {
    regime: string;
    audience: string;
    recipient: string;
    basis: string;
    dueAt: string | null;
    status: string;
    fulfilledAt: string | null;
    /** Catalog facts not checked against the law's text: the report says to check before relying on them. */
    unconfirmedFacts?: string[];
  }[];
  stats: { channel: string; status: string; count: number }[];
  auditHead: { seq: number; hash: string } | null;
  /** The deadlines as a picture (SVG, escaped when drawn), or null when nothing had a clock. */
  deadlineChart?: string | null;
}
