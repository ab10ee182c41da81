// What a person sees at the top of the incident page after an action went through:
// every action confirms itself, in words that say what happens next.

type Form = Record<string, unknown>;

const DONE: Record<string, (form: Form) => string> = {
  triage: (f) =>
    f.decision === 'dismiss'
      ? 'Dismissed: not a personal-data breach. The decision is kept in the breach register.'
      : 'Confirmed as a personal-data breach: the legal clocks run from the awareness time. Next, enter the scope.',
  assessment: () => 'Assessment saved: obligations, deadlines and notices were worked out again from it.',
  hold: () => 'Hold placed: notices to people wait until it is released.',
  'hold/release': () => 'Hold released: notices that were waiting can go out.',
  approval: () => 'Notices approved: sending starts unless a hold or a closed gate stops it.',
  filings: () => 'Filing recorded: the obligation is met.',
  recompute: () => 'The newer rules catalog was applied: obligations were worked out again.',
  close: () => 'Incident closed: the post-incident report is ready.',
  supplements: () => 'Further information accepted: it is sent to the regulator as a supplementary report.',
  awareness: () => 'Awareness time corrected: the deadlines counting from it moved.',
  determinations: () => 'Determination recorded: the deadlines counting from it are now shown.',
  access: () => 'Access saved.',
  letters: () =>
    'Letters prepared for the people who need one: download each batch (PDF and manifest) for the print house, then record the day it was posted.',
  'letters/mailed': () => 'Mailing date recorded: from that day the letters of the batch count as sent.',
  'legal-hold': () => 'Legal hold placed: contact data is kept, whatever the retention period, until it is released.',
  'legal-hold/release': () =>
    'Legal hold released: contact data is deleted when its retention period ends (the proof of notice stays).',
  'contacts/purge': () =>
    'Contact data deleted: names, addresses and phone numbers are gone; each delivery record keeps its proof of notice.',
};

/** The confirmation for an incident action (its path after /incidents/:id/), or a plain one for an unknown path. */
export function actionDone(action: string, form: Form): string {
  return DONE[action]?.(form) ?? 'Saved.';
}

/** What the list's triage form did: how many, and each incident left as it was with the reason (the first five). */
export function triagedManyNotice(
  decision: 'confirm' | 'dismiss',
  result: { done: number; outcomes: { incidentId: string; ok: boolean; error?: string }[] },
): string {
  const verb = decision === 'dismiss' ? 'Dismissed' : 'Confirmed';
  const done = `${verb} ${result.done} incident${result.done === 1 ? '' : 's'}.`;
  const refused = result.outcomes.filter((o) => !o.ok);
  if (refused.length === 0) return done;
  const named = refused
    .slice(0, 5)
    .map((o) => `${o.incidentId}: ${o.error ?? 'refused'}`)
    .join('; ');
  const more = refused.length > 5 ? `; and ${refused.length - 5} more` : '';
  return `${done} ${refused.length} left as they were (${named}${more}).`;
}
