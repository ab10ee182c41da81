// The incident list: incidents a viewer may see, filtered, newest first, each
// with its next pending deadline and whether a duty is due now (no date: the law
// says "immediately" or "without undue delay", so it has been due since its clock
// started and sorts before any date).
import type { Db } from './connection';
import { likeIgnoringCase } from './dialect';
import { visibleIncidents, type Viewer } from './incident-members';

export interface IncidentListFilters {
  status?: string;
  stage?: string;
  severity?: string;
  /** Only incidents with a required obligation still open and due before this instant, or due now. */
  overdueAt?: string;
  /** Matches the title or the reference. */
  q?: string;
  limit: number;
}

export interface IncidentListRow {
  id: string;
  title: string;
  severity: string;
  stage: string;
  status: string;
  created_at: string;
  awareness_at: string | null;
  alert_count: number;
  next_due: string | null;
  /** When the clock of the earliest open due-now obligation started; null when none is due now. */
  due_now_since: string | null;
  restricted: number;
}

export async function listIncidentRows(db: Db, viewer: Viewer, f: IncidentListFilters): Promise<IncidentListRow[]> {
  const v = visibleIncidents(viewer);
  const where = [v.sql];
  const params: (string | number)[] = [...v.params];
  if (f.status) {
    where.push('i.status = ?');
    params.push(f.status);
  }
  if (f.stage) {
    where.push('i.stage = ?');
    params.push(f.stage);
  }
  if (f.severity) {
    where.push('i.severity = ?');
    params.push(f.severity);
  }
  if (f.overdueAt) {
    where.push(
      `EXISTS (SELECT 1 FROM obligations o WHERE o.incident_id = i.id AND o.required = 1 AND o.status IN ('pending', 'manual')
         AND (o.due_at < ? OR (o.due_at IS NULL AND o.due_now = 1)))`,
    );
    params.push(f.overdueAt);
  }
  if (f.q) {
    where.push(`(i.title ${likeIgnoringCase(db)} ? ESCAPE '\\' OR i.id = ?)`);
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, f.q.toUpperCase());
  }
  params.push(f.limit);
  return db.all<IncidentListRow>(
    `SELECT i.id, i.title, i.severity, i.stage, i.status, i.created_at, i.awareness_at, i.alert_count, i.restricted,
            (SELECT MIN(due_at) FROM obligations o WHERE o.incident_id = i.id AND o.required = 1 AND o.status = 'pending' AND o.due_at IS NOT NULL) AS next_due,
            (SELECT MIN(COALESCE(clock_started_at, '')) FROM obligations o WHERE o.incident_id = i.id AND o.required = 1 AND o.status IN ('pending', 'manual')
               AND o.due_at IS NULL AND o.due_now = 1) AS due_now_since
     FROM incidents i WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC LIMIT ?`,
    params,
  );
}
