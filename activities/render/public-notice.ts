import { loadTemplate } from './loader';
import type { Locale } from './locale';
import { buildNoticeContext } from './notice-context';
import type { PublicNoticeInput } from './types';

/**
 * The substitute notice for the company's website: a standalone HTML document
 * with no external resources and no personal data (no names, no per-person
 * values), so it can be exported as a static file.
 */
export function renderPublicNotice(locale: Locale, v: PublicNoticeInput): string {
  const context = { ...buildNoticeContext(locale, v.org, v.incident), publishedAt: v.publishedAt };
  return loadTemplate('public-notice', locale, 'html')(context, locale);
}
