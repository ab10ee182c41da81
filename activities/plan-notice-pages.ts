// The bounds of an incident's people by subject id: the fan-out pages over this
// range, carrying numbers through workflow history and never the people.
import type { Db } from '../store/connection';

export const createPlanNoticePages =
  (db: Db) =>
  async (input: { incidentId: string }): Promise<{ minId: number; maxId: number; people: number }> => {
    const r = await db.get<{ minId: number | null; maxId: number | null; people: number }>(
      'SELECT MIN(id) AS minId, MAX(id) AS maxId, COUNT(*) AS people FROM subjects WHERE incident_id = ?',
      [input.incidentId],
    );
    return { minId: r?.minId ?? 0, maxId: r?.maxId ?? -1, people: r?.people ?? 0 };
  };
