// The controllers a processor notifies about an incident.
import type { Db, Tx } from './connection';

export interface ControllerContact {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** The incident's controllers among these ids, by id; none when no id is given. */
export async function listControllers(
  db: Db,
  incidentId: string,
  ids: readonly string[],
): Promise<ControllerContact[]> {
  return db.all<ControllerContact>(
    `SELECT id, name, email, locale FROM controllers WHERE incident_id = ? AND id IN (${ids.map(() => '?').join(',') || "''"}) ORDER BY id`,
    [incidentId, ...ids],
  );
}

export interface NewController {
  id: string;
  incidentId: string;
  name: string;
  email: string;
  locale: string;
  createdAt: string;
}

export async function insertControllerTx(tx: Tx, c: NewController): Promise<void> {
  await tx.run(
    'INSERT INTO controllers (id, incident_id, name, email, locale, created_at) VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [c.id, c.incidentId, c.name, c.email, c.locale, c.createdAt],
  );
}

export async function deleteControllersTx(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.run('DELETE FROM controllers WHERE id = ?', [id]);
}
