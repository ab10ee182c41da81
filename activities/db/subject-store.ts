// Writing imported people in bulk. One statement carries many rows, because at
// a million rows the per-statement round trip to SQLite's thread, not SQLite
// itself, was the cost; the incident and import ids are bound once per statement.
import type { Db, SqlValue } from './connection';

export interface SubjectRecord {
  name: string | null;
  email: string | null;
  phone: string | null;
  jurisdiction: string | null;
  locale: string;
  identityKey: string;
}

/** 500 rows x 6 values + 2 stays far below SQLite's 32,766 bound variables. */
export const ROWS_PER_STATEMENT = 500;
const VALUES_PER_ROW = 6;

const sqlCache = new Map<number, string>();
function insertSql(rows: number): string {
  let sql = sqlCache.get(rows);
  if (sql === undefined) {
    const tuples: string[] = [];
    for (let i = 0; i < rows; i++) {
      const b = 3 + i * VALUES_PER_ROW;
      tuples.push(`(?1,?${b},?${b + 1},?${b + 2},?${b + 3},?${b + 4},?2,?${b + 5})`);
    }
    sql = `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES ${tuples.join(',')} ON CONFLICT (incident_id, identity_key) DO NOTHING`;
    // Only the full size and the odd last statement of an import recur.
    if (sqlCache.size > 8) sqlCache.clear();
    sqlCache.set(rows, sql);
  }
  return sql;
}

/**
 * Inserts the people in one transaction; a person whose identity key the
 * incident already has is skipped. Returns how many were new.
 */
export async function insertSubjects(db: Db, o: { incidentId: string; importId: string; people: readonly SubjectRecord[] }): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let start = 0; start < o.people.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(start + ROWS_PER_STATEMENT, o.people.length);
      const params: SqlValue[] = [o.incidentId, o.importId];
      for (let i = start; i < end; i++) {
        const p = o.people[i]!;
        params.push(p.name, p.email, p.phone, p.jurisdiction, p.locale, p.identityKey);
      }
      inserted += (await tx.run(insertSql(end - start), params)).changes;
    }
    return inserted;
  });
}
