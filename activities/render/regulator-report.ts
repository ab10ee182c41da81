import { loadTemplate, templateLocale } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext, oneLine } from './notice-context';
import type { RegulatorReportInput, RenderedEmail } from './types';
import { nowIso } from '../../lib/clock';

/** Content elements the regulator report has a section for; any other id gets a generic section titled with the id. */
export const REGULATOR_CONTENT_IDS = [
  'nature',
  'categories_of_data',
  'categories_of_people',
  'approximate_people',
  'approximate_records',
  'dpo_contact',
  'contact_point',
  'likely_consequences',
  'measures_taken',
  'measures_proposed',
  'steps_for_individuals',
  'remedies',
  'occurred_at',
  'discovered_at',
  'delay_reason',
  'law_enforcement_delay',
  'credit_monitoring_offer',
  'regulator_contacts',
  'toll_free_numbers',
  'date_of_notice',
  'entity_contacts',
  'incident_type',
  'severity_and_impact',
  'root_cause',
] as const;

const KNOWN: readonly string[] = REGULATOR_CONTENT_IDS;

/**
 * A report to a regulator: one section per required content element, in the
 * order the rules engine lists them. Reasons for delay and a law-enforcement
 * hold are shown even when the regime does not list them as elements. In a
 * locale without a regulator template the whole report is English.
 */
export function renderRegulatorReport(requested: Locale, v: RegulatorReportInput): RenderedEmail {
  const locale = templateLocale('regulator-report', requested, 'html');
  const context = {
    ...buildNoticeContext(locale, v.org, v.incident),
    regulator: v.regulator,
    phase: v.phase,
    isSupplementary: v.phase === 'supplementary',
    delayReason: v.delayReason,
    holdNote: v.holdNote,
    supplement: v.supplement ?? null,
    showDelayReason: v.delayReason !== null && !v.content.includes('delay_reason'),
    showHoldNote: v.holdNote !== null && !v.content.includes('law_enforcement_delay'),
    noticeDate: v.noticeDate ?? nowIso(),
    sections: v.content.map((id) => ({ id, partial: KNOWN.includes(id) ? `section-${id}` : 'section-other' })),
  };
  return {
    subject: oneLine(loadTemplate('regulator-report', locale, 'subject')(context, locale)),
    html: loadTemplate('regulator-report', locale, 'html')(context, locale),
    text: loadTemplate('regulator-report', locale, 'text')(context, locale).trim() + '\n',
  };
}
