import { REGIMES } from '../../rules';
import { normalizeLocale, STAFF_LOCALES, type Locale } from './locale';

/**
 * The language a regime's regulator reads reports in (China's: Chinese), where a regulator template
 * exists in it; else English.
 */
export function regulatorReportLocale(regimeId: string): Locale {
  const wanted = REGIMES.find((r) => r.id === regimeId)?.reportLanguage;
  const locale = wanted ? normalizeLocale(wanted) : 'en';
  return STAFF_LOCALES.includes(locale) ? locale : 'en';
}
