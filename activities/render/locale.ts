export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'] as const;

/**
 * Maps a language tag from a subject list or a browser to a locale we ship.
 * Any Chinese tag (zh, zh_CN, zh-Hans-CN, zh-TW) gets zh-CN: a Chinese reader
 * is better served by Simplified Chinese than by English.
 */
export function normalizeLocale(input: string | null | undefined): Locale {
  if (!input) return 'en';
  const primary = input.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? 'zh-CN' : 'en';
}
