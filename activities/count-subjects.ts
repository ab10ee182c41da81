import type { Db } from '../store/connection';
import { countSubjectContacts, type SubjectContactCounts } from '../store/subject-store';

export const createCountSubjects =
  (db: Db) =>
  async (input: { incidentId: string }): Promise<SubjectContactCounts> =>
    countSubjectContacts(db, input.incidentId);
