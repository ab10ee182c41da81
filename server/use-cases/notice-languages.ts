// The languages a notice version is in (issue 14): per locale, how many people read it, who reads it
// because we have no templates in their own language, and whether it carries the approver's free
// text or the built-in texts of its language. Approval refuses a version where free text was
// written in one language and another in use would silently go without it.
import type { Db } from '../../store/connection';
import { getAssessmentText, parseHeadlines, parseNarrativeJson } from '../../store/assessments';
import { getIncident, parseState } from '../../store/incident-store';
import { listNotices } from '../../store/notices';
import { countSubjectsByLocale } from '../../store/subject-store';
import {
  builtInHeadline,
  isLocale,
  NO_FREE_TEXT,
  narrativeGaps,
  normalizeLocale,
  type Locale,
  type NarrativeGap,
  type NoticeFreeText,
} from '../../activities/render';
import { NOTICE_TEXT_FIELDS } from '../notice-text-change';
import { HttpError } from '../errors';

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });
// Our zh-CN texts are Simplified Chinese, which is what a reader of any Chinese tag gets; "Chinese (China)" misleads.
const OWN_NAMES: Readonly<Record<string, string>> = { 'zh-CN': 'Simplified Chinese' };

/** "German", "Brazilian Portuguese": the language as an English-reading approver knows it. */
export function languageName(tag: string): string {
  if (Object.hasOwn(OWN_NAMES, tag)) return OWN_NAMES[tag]!;
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language tag of the people's list that gets another language's notice, and why. */
export interface LanguageFallback {
  tag: string;
  people: number;
  reason: string;
}

export interface NoticeLanguage {
  locale: Locale;
  name: string;
  /** People whose notice is in this locale (their tag normalised to it). */
  people: number;
  fallbacks: LanguageFallback[];
  /** Regulator reports rendered in this locale. */
  regulatorReports: number;
  /** The subject of the default email in this locale, for the approver to recognise it. */
  subject: string | null;
  /** 'own': free text (narrative or headline) written in this language; 'built-in': none anywhere, built-in texts serve. */
  text: 'own' | 'built-in' | 'gap';
  /** Where free text was written in another language but not this one. */
  gap: { fields: string[]; writtenIn: string[] } | null;
  /** The headline this language's documents carry: its own, or (builtIn) the language's built-in one. */
  headline: { text: string; builtIn: boolean } | null;
}

const fieldLabel = (f: string) => NOTICE_TEXT_FIELDS.find(([k]) => k === f)?.[1] ?? f;

function fallbackReason(tag: string, locale: Locale): string | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const ours = locale.toLowerCase().split('-')[0];
  if (primary !== ours) return `no ${languageName(primary)} templates`;
  const sameTag = tag.trim().replace('_', '-').toLowerCase() === locale.toLowerCase();
  // de-AT reads de without remark; zh-TW reading Simplified Chinese, or pt-PT Brazilian Portuguese, is worth saying.
  if (!sameTag && locale.includes('-')) return `the only ${languageName(ours)} we ship is ${languageName(locale)}`;
  return null;
}

/** The accepted assessment's free text per locale: the narrative sections and the public headline. */
async function acceptedNarrative(db: Db, incidentId: string): Promise<Partial<Record<Locale, NoticeFreeText>>> {
  const row = await getIncident(db, incidentId);
  const assessmentId = row ? parseState(row)?.facts?.assessmentId : undefined;
  if (!assessmentId) return {};
  const text = await getAssessmentText(db, assessmentId);
  const out: Partial<Record<Locale, NoticeFreeText>> = Object.fromEntries(
    Object.entries(parseNarrativeJson(text?.narrative_json ?? null)).filter(([l]) => isLocale(l)),
  );
  for (const [l, h] of Object.entries(parseHeadlines(text?.narrative_json ?? null, text?.public_headline ?? null)))
    if (isLocale(l)) out[l] = { ...(out[l] ?? NO_FREE_TEXT), publicHeadline: h };
  return out;
}

/** The languages of the version's notices, English first, with who reads each and which text it carries. */
export async function noticeLanguages(db: Db, incidentId: string, noticeVersion: string): Promise<NoticeLanguage[]> {
  const notices = await listNotices(db, incidentId, noticeVersion);
  const locales = [...new Set(notices.map((n) => n.locale).filter(isLocale))].sort((a, b) =>
    a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
  );
  if (locales.length === 0) return [];
  const byLocale = await acceptedNarrative(db, incidentId);
  const gaps = new Map(narrativeGaps(byLocale, locales).map((g) => [g.locale, g]));
  const tags = await countSubjectsByLocale(db, incidentId);
  const anyHeadline = Object.values(byLocale).some((t) => t?.publicHeadline);
  return locales.map((locale) => {
    const mine = tags.filter((t) => normalizeLocale(t.locale) === locale);
    const gap = gaps.get(locale);
    const own: NoticeFreeText = byLocale[locale] ?? NO_FREE_TEXT;
    const { publicHeadline: ownHeadline, ...narrative } = own;
    const hasOwn = Object.values(narrative).some((v) => typeof v === 'string' && v.trim() !== '');
    const email = notices.find((n) => n.locale === locale && n.audience === 'individuals' && n.channel === 'email');
    return {
      locale,
      name: languageName(locale),
      people: mine.reduce((sum, t) => sum + t.people, 0),
      fallbacks: mine.flatMap((t) => {
        const reason = fallbackReason(t.locale, locale);
        return reason ? [{ tag: t.locale, people: t.people, reason }] : [];
      }),
      regulatorReports: notices.filter((n) => n.locale === locale && n.audience.startsWith('regulator:')).length,
      subject: email?.subject ?? null,
      text: gap ? 'gap' : hasOwn ? 'own' : 'built-in',
      gap: gap ? { fields: gap.fields.map(fieldLabel), writtenIn: gap.writtenIn } : null,
      // Before any headline is written the notices carry none (approval is refused then); say nothing.
      headline: ownHeadline
        ? { text: ownHeadline, builtIn: false }
        : anyHeadline
          ? { text: builtInHeadline(locale), builtIn: true }
          : null,
    };
  });
}

function describeGap(g: NarrativeGap): string {
  const written = g.writtenIn.map((l) => `${l} (${languageName(l)})`).join(', ');
  return `${g.locale} (${languageName(g.locale)}) lacks ${g.fields.map(fieldLabel).join(', ')}, written in ${written}`;
}

/**
 * Refuses (409) a version whose notices in some language would go without free text the approver wrote
 * in another, unless the approver chose that language's built-in texts for it (builtInTextLocales).
 * Answers the locales so chosen that do lack free text: a choice about a language with no gap is moot.
 */
export async function refuseMissingFreeText(
  db: Db,
  incidentId: string,
  noticeVersion: string,
  builtInTextLocales: readonly string[],
): Promise<string[]> {
  const notices = await listNotices(db, incidentId, noticeVersion);
  const locales = [...new Set(notices.map((n) => n.locale).filter(isLocale))];
  if (locales.length === 0) return [];
  const all = narrativeGaps(await acceptedNarrative(db, incidentId), locales);
  const gaps = all.filter((g) => !builtInTextLocales.includes(g.locale));
  if (gaps.length === 0) return all.map((g) => g.locale);
  throw new HttpError(
    409,
    `free text is missing in ${gaps.map((g) => g.locale).join(', ')}: ${gaps.map(describeGap).join('; ')}. ` +
      'Re-assess with the text in each of these languages, or approve choosing the built-in texts of their own ' +
      `language for them (builtInTextLocales: ${gaps.map((g) => g.locale).join(', ')}); a notice never carries another language's text`,
    'builtInTextLocales',
  );
}
