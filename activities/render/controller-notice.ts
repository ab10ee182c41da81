import { loadTemplate, templateLocale } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext, oneLine } from './notice-context';
import type { ControllerNoticeInput, RenderedEmail } from './types';

/**
 * A processor's notice to a controller (GDPR Art. 33(2)), with the Art. 33(3) facts the controller needs;
 * in English where the controller's locale has no template.
 */
export function renderControllerEmail(requested: Locale, v: ControllerNoticeInput): RenderedEmail {
  const locale = templateLocale('controller-email', requested, 'html');
  const context = { ...buildNoticeContext(locale, v.org, v.incident), controller: v.controller };
  return {
    subject: oneLine(loadTemplate('controller-email', locale, 'subject')(context, locale)),
    html: loadTemplate('controller-email', locale, 'html')(context, locale),
    text: loadTemplate('controller-email', locale, 'text')(context, locale).trim() + '\n',
  };
}
