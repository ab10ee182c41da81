// Renders the legal variant of the data-subject email: the notice as a US state's law shapes it (see
// legal-variant.ts). Its words come from templates/legal-notice/<locale>.json, English where a locale
// lacks a text (recorded as a fallback); its blocks follow the variant's content and prohibitions.
import { US_STATE_NAMES } from '../../rules';
import { CREDIT_AGENCIES, FTC_CONTACT, type AgencyContact } from './credit-agencies';
import { formatCount } from './helpers';
import { hidesPublicNotice, LEGAL_BLOCK_ELEMENTS, type LegalNotice } from './legal-variant';
import { loadNeutralTemplate, loadTemplate, readTemplateTexts } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext, oneLine } from './notice-context';
import type { NoticeInput } from './types';

const HEADINGS = ['whatHappened', 'whatInvolved', 'whatWeAreDoing', 'whatYouCanDo', 'moreInformation'] as const;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** Which blocks the variant shows: what its law asks for, less what it forbids (a ban always wins). */
function shownBlocks(legal: LegalNotice): Record<string, boolean> {
  const { content, prohibited } = legal.variant;
  const asked = (e: string) => content.includes(e) && !prohibited.includes(e);
  const show: Record<string, boolean> = {};
  for (const e of LEGAL_BLOCK_ELEMENTS) show[e] = asked(e);
  // What the default notice says anyway stays unless forbidden: a state variant adds, it never thins out.
  for (const e of ['nature', 'categories_of_data', 'measures_taken', 'steps_for_individuals', 'contact_point'])
    show[e] = !prohibited.includes(e);
  show.credit_monitoring_offer = show.credit_monitoring_offer! && legal.identityProtectionOffered;
  // The freeze and the fraud alert are placed with the agencies, so their numbers come with them.
  show.toll_free_numbers =
    !prohibited.includes('toll_free_numbers') &&
    (asked('toll_free_numbers') || show.security_freeze! || show.fraud_alert!);
  return show;
}

function stateAttorneyGeneral(key: string): AgencyContact {
  const code = key.replace(/^us-/, '').toUpperCase();
  const state = US_STATE_NAMES[code] ?? code;
  return { name: `Attorney General of ${state}`, phone: null, url: null, address: null };
}

export function renderLegalEmail(
  locale: Locale,
  v: NoticeInput,
  legal: LegalNotice,
  correction: boolean,
): { subject: string; html: string; text: string } {
  const base = buildNoticeContext(locale, v.org, v.incident);
  const words = readTemplateTexts('legal-notice', locale);
  // Obligations computed before the months were carried lack them until the next recompute: California's 12.
  const months = legal.variant.creditMonitoringMonths ?? 12;
  const t: Record<string, string> = {};
  for (const [k, text] of Object.entries(words))
    t[k] = fill(text, {
      org: v.org.legalName,
      dpo: v.org.dpo.name,
      date: formatDay(legal.noticeDate, locale),
      count: formatCount(v.incident.approximatePeople, locale),
      months: String(months),
    });
  t.occurred = v.incident.occurredAt
    ? fill(words.occurredAt!, { date: formatDay(v.incident.occurredAt, locale) })
    : words.occurredUnknown!;
  t.discoveredAt = fill(words.discoveredAt!, { date: formatDay(v.incident.discoveredAt, locale) });
  t.delay = legal.delayedByLawEnforcement ? words.delayed! : words.notDelayed!;
  const show = shownBlocks(legal);
  // The built-in "what happened" text already gives both dates; the lines are for an assessor's own text.
  if (base.notice.whatHappened.isDefault) {
    if (v.incident.occurredAt) show.occurred_at = false;
    show.discovered_at = false;
  }
  // The prescribed title where the law names one; otherwise the incident's title, unless the law forbids
  // stating the nature of the breach, which a title would do.
  const title = show.notice_title ? t.title! : show.nature ? base.incident.title : t.neutralTitle!;
  const upper: Record<string, string> = {};
  for (const h of HEADINGS) upper[h] = t[h]!.toLocaleUpperCase(locale);
  const incident = hidesPublicNotice(legal.variant) ? { ...base.incident, publicNoticeUrl: null } : base.incident;
  const context = {
    ...base,
    incident,
    correction,
    t,
    upper,
    law: {
      title,
      titleUpper: title.toLocaleUpperCase(locale),
      show,
      agencies: CREDIT_AGENCIES,
      regulators: [FTC_CONTACT, stateAttorneyGeneral(legal.variant.key)],
    },
  };
  return {
    // The locale's own subject line: it names neither the nature of the breach nor the number affected.
    subject: oneLine(loadTemplate('subject-email', locale, 'subject')(context, locale)),
    html: loadNeutralTemplate('legal-notice', 'html')(context, locale),
    text: loadNeutralTemplate('legal-notice', 'text')(context, locale).trim() + '\n',
  };
}
