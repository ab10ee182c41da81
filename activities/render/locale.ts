export type Locale = 'en' | 'de' | 'fr' | 'es' | 'pt-BR' | 'ja' | 'ko' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ko', 'zh-CN'] as const;

/** Locales every person-facing text ships in; staff and regulator documents exist in STAFF_LOCALES only. */
export const STAFF_LOCALES: readonly Locale[] = ['en', 'zh-CN'] as const;

/** One shipped locale per primary language subtag; a reader of any variety gets the one we have. */
const BY_LANGUAGE: Readonly<Record<string, Locale>> = {
  en: 'en',
  de: 'de',
  fr: 'fr',
  es: 'es',
  // Brazilian Portuguese is what we ship; a reader in Portugal is better served by it than by English.
  pt: 'pt-BR',
  ja: 'ja',
  ko: 'ko',
  // Any Chinese tag (zh_CN, zh-Hans-CN, zh-TW) gets Simplified Chinese rather than English.
  zh: 'zh-CN',
};

/**
 * Maps a language tag from a subject list or a browser to a locale we ship,
 * by its primary language (de-AT → de, fr_CA → fr, es-419 → es, pt-PT → pt-BR,
 * zh-TW → zh-CN); anything else gets English.
 */
export function normalizeLocale(input: string | null | undefined): Locale {
  if (!input) return 'en';
  const primary = input.trim().toLowerCase().split(/[-_]/)[0];
  return Object.hasOwn(BY_LANGUAGE, primary) ? BY_LANGUAGE[primary] : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
