import Handlebars from 'handlebars';
import type { Locale } from './locale';
import { neutralName } from './narrative';
import { PRIOR_NOTICE_DATE_TOKEN, RECIPIENT_NAME_HTML_TOKEN, RECIPIENT_NAME_TOKEN } from './subject-notice';

/**
 * Puts one person's name into an approved, rendered notice. HTML gets the
 * name escaped; text, subject and SMS get it raw. A person without a name
 * gets the locale's neutral word. split/join, not String.replace, so a name
 * holding "$&" is inserted literally.
 */
export function substitute(
  rendered: string,
  values: { recipientName: string | null },
  part: 'html' | 'text' | 'subject',
  locale: Locale,
): string {
  // Whitespace collapsed: a line break in a name must not break a subject header or an SMS.
  // Name tokens taken out too: providers substitute key after key over the whole body, so a
  // name holding a token would pull the raw name into HTML after the escaped one went in.
  const given =
    values.recipientName
      ?.split(RECIPIENT_NAME_HTML_TOKEN)
      .join('')
      .split(RECIPIENT_NAME_TOKEN)
      .join('')
      .split(PRIOR_NOTICE_DATE_TOKEN)
      .join('')
      .replace(/\s+/g, ' ')
      .trim() ?? '';
  const name = given !== '' ? given : neutralName(locale);
  const value = part === 'html' ? Handlebars.escapeExpression(name) : name;
  return rendered.split(RECIPIENT_NAME_TOKEN).join(value);
}

/**
 * The day of an earlier notice as a correction's preface names it (PRIOR_NOTICE_DATE_TOKEN): the
 * reader's language, UTC like every date in a notice. Anything but letters, digits, spaces, dots,
 * commas and hyphens is dropped, so the one value is safe in HTML, text and SMS alike.
 */
export function formatNoticeDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`formatNoticeDay: "${iso}" is not an ISO date`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    .format(date)
    .replace(/[^\p{L}\p{N}\s.,-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
