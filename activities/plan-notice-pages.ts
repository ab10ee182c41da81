// The bounds of an incident's people by subject id: the fan-out pages over this
// range, carrying numbers through workflow history and never the people.
import type { Db } from '../store/connection';
import { subjectIdBounds } from '../store/subject-store';

export const createPlanNoticePages =
  (db: Db) =>
  async (input: { incidentId: string }): Promise<{ minId: number; maxId: number; people: number }> => {
    const r = await subjectIdBounds(db, input.incidentId);
    return { minId: r.minId ?? 0, maxId: r.maxId ?? -1, people: r.people };
  };
