// Free text written by people during an incident (reasons, rationales, filing
// references). The workflow only ever sees a note's id, so this text stays out
// of Temporal's history.
import type { Tx } from './connection';
import { nowIso } from '../lib/clock';

export interface NewNote {
  id: string;
  incidentId: string;
  kind: string;
  body: string;
  createdBy: string;
}

/** A retried request derives the same id, so its second insert is a no-op. */
export async function insertNoteTx(tx: Tx, note: NewNote): Promise<void> {
  await tx.run(
    'INSERT INTO notes (id, incident_id, kind, body, created_at, created_by) VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [note.id, note.incidentId, note.kind, note.body, nowIso(), note.createdBy],
  );
}

export async function deleteNotesTx(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.run('DELETE FROM notes WHERE id = ?', [id]);
}
