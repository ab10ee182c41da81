// Renders every notice an approver must see (data-subject email and SMS per
// locale, plain and as a correction, each regulator report) and stores them under a version that hashes
// all of them and the recipient count. What is approved is exactly what is
// sent: senders read these rows, they do not render again.
import { createHash } from 'node:crypto';
import type { Db } from '../store/connection';
import { getAssessmentCreatedAt } from '../store/assessments';
import { getIncident, parseState } from '../store/incident-store';
import { CORRECTION_AUDIENCE, NO_LINK_SUFFIX, saveNoticeSet } from '../store/notices';
import { countIncidentSubjects, listSubjectLocales } from '../store/subject-store';
import { mainPublicNoticeVersion } from '../store/published-notices';
import { acceptedAssessment, loadIncidentView, orgView } from './incident-view';
import {
  DEFAULT_VARIANT,
  hidesPublicNotice,
  legalVariants,
  normalizeLocale,
  renderRegulatorReport,
  renderSubjectEmail,
  renderSubjectSms,
  type LegalNotice,
  type Locale,
  type NoticeInput,
  type IncidentFactsView,
  type RegulatorReportInput,
} from './render';
import { REGIMES, type Obligation } from '../rules';
import type { NoticeSet } from '../workflows/types';
import { nowIso } from '../lib/clock';
import { regulatorReportLocale } from './render/report-locale';

export interface RenderedNotice {
  audience: string;
  locale: Locale;
  channel: 'email' | 'sms' | 'document';
  /** The legal variant (DEFAULT_VARIANT, or a US state's regime id such as `us-ca`); see render/legal-variant.ts. */
  variant: string;
  subject: string | null;
  html: string | null;
  text: string;
}

export async function subjectLocales(db: Db, incidentId: string): Promise<Locale[]> {
  const set = new Set<Locale>(['en']);
  for (const locale of await listSubjectLocales(db, incidentId)) set.add(normalizeLocale(locale));
  return [...set].sort();
}

export { CORRECTION_AUDIENCE };

/**
/**
 * The data-subject notices of one locale: email and SMS, plain and as a correction; the email also once per
 * legal variant. The SMS states neither the nature of the breach nor the number affected, but points to the
 * public notice, which does: a variant whose law forbids those (Massachusetts) has its own SMS without the link.
 * Each is rendered once more without the link to the public notice page (NO_LINK_SUFFIX), sent instead when the
 * approver chooses "no public link".
 */
export function subjectNotices(
  locale: Locale,
  input: NoticeInput,
  legal: readonly LegalNotice[] = [],
): RenderedNotice[] {
  const out: RenderedNotice[] = [];
  const withoutLink = { ...input, incident: { ...input.incident, publicNoticeUrl: null } };
  for (const [suffix, v] of [
    ['', input],
    [NO_LINK_SUFFIX, withoutLink],
  ] as const) {
    for (const correction of [false, true]) {
      const audience = (correction ? CORRECTION_AUDIENCE : 'individuals') + suffix;
      const email = renderSubjectEmail(locale, v, { correction });
      out.push({
        audience,
        locale,
        channel: 'email',
        variant: DEFAULT_VARIANT,
        subject: email.subject,
        html: email.html,
        text: email.text,
      });
      for (const l of legal) {
        const e = renderSubjectEmail(locale, v, { correction, legal: l });
        out.push({
          audience,
          locale,
          channel: 'email',
          variant: l.variant.key,
          subject: e.subject,
          html: e.html,
          text: e.text,
        });
      }
      for (const l of legal.filter((x) => hidesPublicNotice(x.variant))) {
        const text = renderSubjectSms(locale, withoutLink, { correction });
        out.push({ audience, locale, channel: 'sms', variant: l.variant.key, subject: null, html: null, text });
      }
      out.push({
        audience,
        locale,
        channel: 'sms',
        variant: DEFAULT_VARIANT,
        subject: null,
        html: null,
        text: renderSubjectSms(locale, v, { correction }),
      });
    }
  }
  return out;
}

export function regimeName(id: string): string {
  return REGIMES.find((r) => r.id === id)?.name ?? id;
}

export { regulatorReportLocale };

/**
 * The regulator as the report's header names it: the regime's own words where the report is in the
 * regime's language (rules' reportTexts), else the catalog's English.
 */
export function regulatorOf(
  o: Pick<Obligation, 'recipient' | 'regime' | 'basis' | 'deadline' | 'dueAt'>,
  locale: Locale,
): RegulatorReportInput['regulator'] {
  const regime = REGIMES.find((r) => r.id === o.regime);
  const words =
    regime?.reportLanguage && normalizeLocale(regime.reportLanguage) === locale ? (regime.reportTexts ?? {}) : {};
  const say = (text: string) => words[text] ?? text;
  return {
    name: say(o.recipient),
    regime: o.regime,
    regimeName: say(regimeName(o.regime)),
    basis: say(o.basis),
    deadline: say(o.deadline),
    dueAt: o.dueAt,
  };
}

/** The note a held report carries, in the report's language. */
const HELD_NOTE: Partial<Record<Locale, string>> = {
  en: 'Notification is delayed under a law-enforcement hold.',
  'zh-CN': '应执法机关的要求，本次通知暂缓进行。',
};

/**
 * A regulator must not be sent to a public notice page nobody has published: the page goes up with the
 * first message to people that links to it, and may never (a hold, "no public link"). Until a version
 * is up at the incident's address, a report names no link.
 */
export async function withPublishedLinkOnly(
  db: Db,
  incidentId: string,
  view: IncidentFactsView,
): Promise<IncidentFactsView> {
  return (await mainPublicNoticeVersion(db, incidentId)) !== undefined ? view : { ...view, publicNoticeUrl: null };
}

export async function buildNotices(
  db: Db,
  incidentId: string,
  baseUrl: string,
): Promise<{ notices: RenderedNotice[]; recipients: number }> {
  const row = await getIncident(db, incidentId);
  const state = row ? parseState(row) : null;
  const { org, view } = await loadIncidentView(db, incidentId, baseUrl);
  const ov = orgView(org);
  const notices: RenderedNotice[] = [];
  // The report's date is the date of the facts it reports, so re-rendering unchanged facts keeps the version.
  const assessedAt = state?.facts?.assessmentId
    ? await getAssessmentCreatedAt(db, state.facts.assessmentId)
    : undefined;
  const assessment = await acceptedAssessment(db, state?.facts?.assessmentId);
  const hold = state?.hold ?? null;
  const legal: LegalNotice[] = legalVariants(state?.obligations ?? []).map((variant) => ({
    variant,
    // Like the regulator report's date: the date of the facts, so re-rendering unchanged facts keeps the version.
    noticeDate: assessedAt ?? view.discoveredAt,
    delayedByLawEnforcement: hold?.source === 'law_enforcement',
    identityProtectionOffered: assessment?.identityProtectionOffered ?? false,
  }));
  for (const locale of await subjectLocales(db, incidentId)) {
    notices.push(...subjectNotices(locale, { org: ov, incident: view }, legal));
  }
  const reportView = await withPublishedLinkOnly(db, incidentId, view);
  for (const o of state?.obligations ?? []) {
    if (o.audience !== 'regulator' || !o.required || o.status === 'superseded') continue;
    const locale = regulatorReportLocale(o.regime);
    const report = renderRegulatorReport(locale, {
      org: ov,
      incident: reportView,
      regulator: regulatorOf(o, locale),
      phase: 'initial',
      content: o.content,
      delayReason: null,
      holdNote: o.status === 'held' ? (HELD_NOTE[locale] ?? HELD_NOTE.en!) : null,
      noticeDate: assessedAt ?? view.discoveredAt,
    });
    notices.push({
      audience: `regulator:${o.id}`,
      locale,
      channel: 'email',
      variant: DEFAULT_VARIANT,
      subject: report.subject,
      html: report.html,
      text: report.text,
    });
  }
  const recipients = await countIncidentSubjects(db, incidentId);
  return { notices, recipients };
}

/**
 * The version an approval binds: a hash of the rendered content per audience, locale, channel and legal
 * variant, the correction variants (CORRECTION_AUDIENCE) included, since they are approved content too. A
 * set without them hashes as it always did: a default notice hashes without its variant field. The number of
 * people is not part of it, so importing people does not withdraw an approval.
 */
export function noticeVersion(notices: RenderedNotice[]): string {
  const key = (n: RenderedNotice) =>
    `${n.audience}|${n.locale}|${n.channel}${n.variant === DEFAULT_VARIANT ? '' : `|${n.variant}`}`;
  const sorted = [...notices]
    .sort((a, b) => key(a).localeCompare(key(b)))
    .map(({ variant, ...n }) => (variant === DEFAULT_VARIANT ? n : { ...n, variant }));
  return createHash('sha256')
    .update(JSON.stringify({ notices: sorted }))
    .digest('hex');
}

export const createRenderNotices =
  (db: Db, baseUrl: string) =>
  async (input: { incidentId: string }): Promise<NoticeSet> => {
    const { notices, recipients } = await buildNotices(db, input.incidentId, baseUrl);
    const version = noticeVersion(notices);
    const renderedAt = nowIso();
    await saveNoticeSet(db, {
      incidentId: input.incidentId,
      noticeVersion: version,
      recipients,
      createdAt: renderedAt,
      notices,
    });
    return { noticeVersion: version, recipients, renderedAt };
  };
