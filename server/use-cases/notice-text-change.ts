// Re-assessing after an approval can change the words people will read: the form shows the
// change and asks why before it replaces the text, and the reason joins the audit trail.
import { appendAuditTx } from '../../store/audit';
import type { Db } from '../../store/connection';
import { getIncident, parseState } from '../../store/incident-store';
import { insertNoteTx } from '../../store/notes';
import { createHash, randomUUID } from 'node:crypto';
import { nowIso } from '../../lib/clock';
import { actorOf, type AuthUser } from '../auth';
import { NOTICE_TEXT_KEYS, noticeTextChanges, type NoticeText, type TextChange } from '../notice-text-change';
import { assessmentFormOf } from './incident-queries';

const textOf = (form: Record<string, unknown>): NoticeText =>
  Object.fromEntries(NOTICE_TEXT_KEYS.map(([k]) => [k, typeof form[k] === 'string' ? (form[k] as string) : '']));

/** What the submitted form changes in notice text already approved; empty before any approval. */
export async function approvedTextChanges(
  db: Db,
  incidentId: string,
  form: Record<string, unknown>,
): Promise<TextChange[]> {
  const row = await getIncident(db, incidentId);
  if (!row || !parseState(row)?.approval) return [];
  const saved = await assessmentFormOf(db, incidentId);
  if (!saved) return [];
  return noticeTextChanges({ publicHeadline: saved.publicHeadline, ...saved.narrative }, textOf(form));
}

/** Records why the approved text changed, once per request (a retry with the same key adds nothing). */
export async function recordTextChange(
  db: Db,
  incidentId: string,
  changes: readonly TextChange[],
  reason: string,
  user: AuthUser,
  key: string | null,
): Promise<void> {
  const eventKey = `notice-text:${incidentId}:${key ?? randomUUID()}`;
  const noteId = `note_${createHash('sha256').update(eventKey).digest('hex').slice(0, 26)}`;
  await db.transaction(async (tx) => {
    await insertNoteTx(tx, {
      id: noteId,
      incidentId,
      kind: 'assessment.text_change',
      body: reason,
      createdBy: user.id,
    });
    await appendAuditTx(tx, {
      incidentId,
      type: 'assessment.text_changed',
      at: nowIso(),
      actor: actorOf(user),
      summary: `Approved notice text changed: ${changes.map((c) => c.label).join(', ')}`,
      details: { noteId },
      eventKey,
    });
  });
}
