// A re-assessment that changes the words of notices already approved must not slip
// through a careless save: the page shows what changes, word by word, and asks why.
import { diffWords } from 'diff';
import { LOCALES } from '../activities/render/locale';
import { FLAT_NARRATIVE_LOCALE } from '../store/assessments';

/** The parts of the assessment that become notice text, with the labels the form gives them. */
export const NOTICE_TEXT_FIELDS = [
  ['publicHeadline', 'Public headline'],
  ['whatHappened', 'What happened'],
  ['likelyConsequences', 'Likely consequences'],
  ['measuresTaken', 'Measures taken'],
  ['measuresPlanned', 'Measures planned'],
  ['stepsForIndividuals', 'What people can do'],
  ['remedies', 'Remedies offered'],
] as const;

/**
 * The form field holding one locale's text of a narrative section or headline: English under the plain name (as
 * older pages and API clients send it), any other locale as `whatHappened:de`.
 */
export function narrativeFieldName(field: string, locale: string): string {
  return locale === FLAT_NARRATIVE_LOCALE ? field : `${field}:${locale}`;
}

/**
 * Every notice-text field of the form, each locale's headline and narrative included, with its label;
 * English first, its headline the plain `publicHeadline`.
 */
export const NOTICE_TEXT_KEYS: readonly (readonly [string, string])[] = LOCALES.flatMap((locale) =>
  NOTICE_TEXT_FIELDS.map(
    ([key, label]) => [narrativeFieldName(key, locale), locale === 'en' ? label : `${label} (${locale})`] as const,
  ),
);

/** Form field name → text. */
export type NoticeText = Partial<Record<string, string>>;

export interface TextChange {
  label: string;
  /** The words in order, each kept, removed or added. */
  parts: { text: string; change: 'same' | 'removed' | 'added' }[];
}

const norm = (s: string | undefined) => (s ?? '').replace(/\r\n/g, '\n').trim();

/** What changes between the saved text and the submitted one; empty when nothing does. */
export function noticeTextChanges(saved: NoticeText, submitted: NoticeText): TextChange[] {
  const out: TextChange[] = [];
  for (const [key, label] of NOTICE_TEXT_KEYS) {
    const before = norm(saved[key]);
    const after = norm(submitted[key]);
    if (before === after) continue;
    out.push({
      label,
      parts: diffWords(before, after).map((p) => ({
        text: p.value,
        change: p.added ? 'added' : p.removed ? 'removed' : 'same',
      })),
    });
  }
  return out;
}
