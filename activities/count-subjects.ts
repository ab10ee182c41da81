import type { Db } from '../store/connection';

export const createCountSubjects =
  (db: Db) =>
  async (input: {
    incidentId: string;
  }): Promise<{ total: number; withEmail: number; withPhone: number; withoutContact: number }> => {
    const r = await db.get<{
      total: number;
      withEmail: number | null;
      withPhone: number | null;
      withoutContact: number | null;
    }>(
      `SELECT COUNT(*) AS total,
              SUM(email IS NOT NULL) AS withEmail,
              SUM(phone IS NOT NULL) AS withPhone,
              SUM(email IS NULL AND phone IS NULL) AS withoutContact
       FROM subjects WHERE incident_id = ?`,
      [input.incidentId],
    );
    return {
      total: r?.total ?? 0,
      withEmail: r?.withEmail ?? 0,
      withPhone: r?.withPhone ?? 0,
      withoutContact: r?.withoutContact ?? 0,
    };
  };
