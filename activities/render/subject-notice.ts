import { loadTemplate } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext, oneLine } from './notice-context';
import type { NoticeInput, RenderedEmail } from './types';
import type { LegalNotice } from './legal-variant';
import { renderLegalEmail } from './legal-notice';

/** The per-person token in a rendered subject notice; `substitute` replaces it at send time. */
export const RECIPIENT_NAME_TOKEN = '-recipientName-';
/** Where a sent HTML body carries the escaped name (a provider substitutes every key over every part). */
export const RECIPIENT_NAME_HTML_TOKEN = '-recipientNameHtml-';
/**
 * The per-person token in a correction variant: the day the person was sent the notice this one
 * updates. Replaced at send time by `formatNoticeDay` (letters, digits, spaces and dots only, so the
 * same value serves HTML, text and SMS).
 */
export const PRIOR_NOTICE_DATE_TOKEN = '-priorNoticeDate-';

/**
 * `correction`: the variant sent to people another version already told, opening with a preface saying so.
 * `legal`: the notice as the law of the reader's residence shapes it (a US state's variant), else the default.
 */
export interface SubjectNoticeOptions {
  correction?: boolean;
  legal?: LegalNotice;
}

/**
 * The notice to an affected person, rendered once per locale so the approver
 * approves the exact text; the greeting carries RECIPIENT_NAME_TOKEN.
 */
export function renderSubjectEmail(locale: Locale, v: NoticeInput, opts: SubjectNoticeOptions = {}): RenderedEmail {
  if (opts.legal) return renderLegalEmail(locale, v, opts.legal, opts.correction === true);
  const context = { ...buildNoticeContext(locale, v.org, v.incident), correction: opts.correction === true };
  return {
    subject: oneLine(loadTemplate('subject-email', locale, 'subject')(context, locale)),
    html: loadTemplate('subject-email', locale, 'html')(context, locale),
    text: loadTemplate('subject-email', locale, 'text')(context, locale).trim() + '\n',
  };
}

/** The SMS notice: short, no name, points to the public notice when there is one. */
export function renderSubjectSms(locale: Locale, v: NoticeInput, opts: SubjectNoticeOptions = {}): string {
  const context = { ...buildNoticeContext(locale, v.org, v.incident), correction: opts.correction === true };
  return oneLine(loadTemplate('subject-sms', locale, 'sms')(context, locale));
}
