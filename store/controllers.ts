// The controllers a processor notifies about an incident.
import type { Db } from './connection';

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
