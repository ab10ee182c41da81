// A re-assessment that changes the words of notices already approved must not slip
// through a careless save: the page shows what changes, word by word, and asks why.
import { diffWords } from 'diff';

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

export type NoticeText = Partial<Record<(typeof NOTICE_TEXT_FIELDS)[number][0], string>>;

export interface TextChange {
  label: string;
  /** The words in order, each kept, removed or added. */
  parts: { text: string; change: 'same' | 'removed' | 'added' }[];
}

const norm = (s: string | undefined) => (s ?? '').replace(/\r\n/g, '\n').trim();

/** What changes between the saved text and the submitted one; empty when nothing does. */
export function noticeTextChanges(saved: NoticeText, submitted: NoticeText): TextChange[] {
  const out: TextChange[] = [];
  for (const [key, label] of NOTICE_TEXT_FIELDS) {
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
