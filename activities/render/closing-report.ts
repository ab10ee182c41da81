import { dataElementLabel } from './data-elements';
import { loadTemplate, templateLocale } from './loader';
import type { Locale } from './locale';
import type { ClosingReportInput } from './types';

/**
 * Timeline event types that record a human decision. The timeline vocabulary
 * belongs to the workflow; this matches on the verbs it uses so a new event
 * type such as "hold.extended" is still picked up.
 */
const DECISION_TYPE =
  /(triage|confirm|dismiss|assess|awareness|approv|reject|hold|release|override|supersed|not_required|manual|decision|close)/i;

export function isDecisionEvent(type: string): boolean {
  return DECISION_TYPE.test(type);
}

/**
 * The post-incident report: a standalone HTML document with the summary,
 * timeline, decisions (who and why), notification figures, obligations with
 * their status, and the audit chain head that anchors the timeline.
 */
export function renderClosingReport(v: ClosingReportInput, requested: Locale = 'en'): string {
  const locale = templateLocale('closing-report', requested, 'html');
  const totals = new Map<string, number>();
  for (const s of v.stats) totals.set(s.channel, (totals.get(s.channel) ?? 0) + s.count);
  const context = {
    lang: locale,
    org: v.org,
    incident: {
      ...v.incident,
      elements: v.incident.dataElements.map((id) => ({ id, label: dataElementLabel(id, locale) })),
    },
    timeline: v.timeline,
    decisions: v.timeline.filter((e) => isDecisionEvent(e.type)),
    obligations: v.obligations.map((o) => ({
      ...o,
      unconfirmedFacts: o.unconfirmedFacts ?? [],
      late: o.dueAt !== null && (o.fulfilledAt === null ? false : Date.parse(o.fulfilledAt) > Date.parse(o.dueAt)),
    })),
    stats: v.stats,
    channelTotals: [...totals].map(([channel, count]) => ({ channel, count })),
    auditHead: v.auditHead,
    deadlineChart: v.deadlineChart ?? null,
  };
  return loadTemplate('closing-report', locale, 'html')(context, locale);
}
