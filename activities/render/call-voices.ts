// Which voice reads a call in which language (Amazon Polly voices through Twilio <Say>).
// A person whose language has no voice here hears the English script: a text-to-speech
// voice reading a language it was not made for is unintelligible, and a wrong-language
// call is worse than an English one. callLanguageOf tells the approval page who that is.
import { isLocale, normalizeLocale, type Locale } from './locale';

export interface CallVoice {
  /** Twilio's `voice` attribute. */
  voice: string;
  /** Twilio's `language` attribute (BCP 47 as Twilio spells it). */
  language: string;
}

export const CALL_VOICES: Readonly<Partial<Record<Locale, CallVoice>>> = {
  en: { voice: 'Polly.Joanna', language: 'en-US' },
  de: { voice: 'Polly.Vicki', language: 'de-DE' },
  fr: { voice: 'Polly.Lea', language: 'fr-FR' },
  es: { voice: 'Polly.Lucia', language: 'es-ES' },
  'pt-BR': { voice: 'Polly.Camila', language: 'pt-BR' },
  ja: { voice: 'Polly.Mizuki', language: 'ja-JP' },
  ko: { voice: 'Polly.Seoyeon', language: 'ko-KR' },
  'zh-CN': { voice: 'Polly.Zhiyu', language: 'cmn-CN' },
};

export interface CallLanguage extends CallVoice {
  /** The locale of the script the call reads. */
  locale: Locale;
  /** Why the call is in English although the person's language is another; null when it is theirs. */
  fallback: string | null;
}

/** The script locale and voice for a person's stored language tag. */
export function callLanguageOf(stored: string | null | undefined): CallLanguage {
  const locale = normalizeLocale(stored);
  const voice = CALL_VOICES[locale];
  const primary = (stored ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (voice) {
    const theirs = locale !== 'en' || primary === '' || primary === 'en';
    return { ...voice, locale, fallback: theirs ? null : `no call script in "${stored}"; the call is in English` };
  }
  return {
    ...CALL_VOICES.en!,
    locale: 'en',
    fallback: `no telephone voice for ${isLocale(locale) ? locale : stored}; the call reads the English text`,
  };
}

/** The people's language tags whose calls read English instead, each with the reason (for the approval page). */
export function callLanguageFallbacks(storedLocales: readonly string[]): { locale: string; reason: string }[] {
  const out: { locale: string; reason: string }[] = [];
  for (const stored of storedLocales) {
    const reason = callLanguageOf(stored).fallback;
    if (reason) out.push({ locale: stored, reason });
  }
  return out;
}
