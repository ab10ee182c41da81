import Handlebars from 'handlebars';
import type { Locale } from './locale';
import { neutralName } from './narrative';
import { RECIPIENT_NAME_HTML_TOKEN, RECIPIENT_NAME_TOKEN } from './subject-notice';

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
      .replace(/\s+/g, ' ')
      .trim() ?? '';
  const name = given !== '' ? given : neutralName(locale);
  const value = part === 'html' ? Handlebars.escapeExpression(name) : name;
  return rendered.split(RECIPIENT_NAME_TOKEN).join(value);
}
