import { loadTemplate } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext, oneLine } from './notice-context';
import type { NoticeInput, RenderedEmail } from './types';

/** The per-person token in a rendered subject notice; `substitute` replaces it at send time. */
export const RECIPIENT_NAME_TOKEN = '-recipientName-';
/** Where a sent HTML body carries the escaped name (a provider substitutes every key over every part). */
export const RECIPIENT_NAME_HTML_TOKEN = '-recipientNameHtml-';

/**
 * The notice to an affected person, rendered once per locale so the approver
 * approves the exact text; the greeting carries RECIPIENT_NAME_TOKEN.
 */
export function renderSubjectEmail(locale: Locale, v: NoticeInput): RenderedEmail {
  const context = buildNoticeContext(locale, v.org, v.incident);
  return {
    subject: oneLine(loadTemplate('subject-email', locale, 'subject')(context, locale)),
    html: loadTemplate('subject-email', locale, 'html')(context, locale),
    text: loadTemplate('subject-email', locale, 'text')(context, locale).trim() + '\n',
  };
}

/** The SMS notice: short, no name, points to the public notice when there is one. */
export function renderSubjectSms(locale: Locale, v: NoticeInput): string {
  const context = buildNoticeContext(locale, v.org, v.incident);
  return oneLine(loadTemplate('subject-sms', locale, 'sms')(context, locale));
}
