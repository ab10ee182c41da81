import { loadTemplate, templateLocale } from './loader';
import type { Locale } from './locale';
import { oneLine } from './notice-context';
import type { RenderedEmail, ReminderInput } from './types';

const AUDIENCE_OF_KIND = {
  reminder: 'owner-reminder',
  escalation: 'owner-escalation',
  hold_review: 'hold-review',
} as const;

/** Internal mail to the incident owner: an obligation due soon, overdue, or a hold due for review. */
export function renderReminderEmail(requested: Locale, v: ReminderInput): RenderedEmail {
  const audience = AUDIENCE_OF_KIND[v.kind];
  const locale = templateLocale(audience, requested, 'html');
  const context = { lang: locale, ...v };
  return {
    subject: oneLine(loadTemplate(audience, locale, 'subject')(context, locale)),
    html: loadTemplate(audience, locale, 'html')(context, locale),
    text: loadTemplate(audience, locale, 'text')(context, locale).trim() + '\n',
  };
}
