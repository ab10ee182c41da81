// The dashboard's reads across open incidents: counts by stage, every open
// obligation, holds in force and delivery progress. Each is limited to the
// incidents the viewer may see.
import type { Db } from './connection';
import { greatest } from './dialect';
import { visibleIncidents, type Viewer } from './incident-members';

export interface DeadlineRow {
  incident_id: string;
  title: string;
  regime: string;
  audience: string;
  recipient: string;
  basis: string;
  /** Null for an obligation due now with no fixed date ("immediately", "without undue delay"). */
  due_at: string | null;
  due_now: number;
  clock_started_at: string | null;
  status: string;
  unconfirmed_facts_json: string;
}

export interface HoldInForceRow {
  incident_id: string;
  title: string;
  source: string;
  agency: string | null;
  placed_at: string;
}

export interface DeliveryProgressRow {
  incident_id: string;
  title: string;
  total: number;
  done: number;
  failed: number;
}

export async function openIncidentsByStage(db: Db, viewer: Viewer): Promise<{ stage: string; n: number }[]> {
  const v = visibleIncidents(viewer);
  return db.all<{ stage: string; n: number }>(
    `SELECT i.stage, COUNT(*) AS n FROM incidents i WHERE i.status = 'open' AND ${v.sql} GROUP BY i.stage`,
    v.params,
  );
}

/** A required obligation of an open incident still to meet: dated while pending, manual or held; due now while pending or manual. */
const OPEN_OBLIGATION = `i.status = 'open' AND o.required = 1
  AND ((o.due_at IS NOT NULL AND o.status IN ('pending', 'manual', 'held')) OR (o.due_now = 1 AND o.status IN ('pending', 'manual')))`;

/**
 * Every required obligation still to meet across open incidents (at most `limit`): those due now with no fixed
 * date first, oldest clock first (they have been due since), then by due date. One due now counts while pending
 * or manual; a dated one also while held.
 */
export async function openObligations(db: Db, viewer: Viewer, limit = 500): Promise<DeadlineRow[]> {
  const v = visibleIncidents(viewer);
  return db.all<DeadlineRow>(
    `SELECT o.incident_id, i.title, o.regime, o.audience, o.recipient, o.basis, o.due_at, o.due_now, o.clock_started_at, o.status, o.unconfirmed_facts_json
     FROM obligations o JOIN incidents i ON i.id = o.incident_id
     WHERE ${OPEN_OBLIGATION} AND ${v.sql}
     ORDER BY (o.due_at IS NULL) DESC, COALESCE(o.due_at, o.clock_started_at), o.id LIMIT ?`,
    [...v.params, limit],
  );
}

/** How many rows openObligations would give without its limit. */
export async function countOpenObligations(db: Db, viewer: Viewer): Promise<number> {
  const v = visibleIncidents(viewer);
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM obligations o JOIN incidents i ON i.id = o.incident_id
     WHERE ${OPEN_OBLIGATION} AND ${v.sql}`,
    v.params,
  );
  return row?.n ?? 0;
}

/** Oldest first. */
export async function holdsInForce(db: Db, viewer: Viewer): Promise<HoldInForceRow[]> {
  const v = visibleIncidents(viewer);
  return db.all<HoldInForceRow>(
    `SELECT h.incident_id, i.title, h.source, h.agency, h.placed_at FROM holds h JOIN incidents i ON i.id = h.incident_id
     WHERE h.released_at IS NULL AND i.status = 'open' AND ${v.sql} ORDER BY h.placed_at`,
    v.params,
  );
}

/** The 20 open incidents whose outbox moved last. */
export async function deliveryProgressByIncident(db: Db, viewer: Viewer): Promise<DeliveryProgressRow[]> {
  const v = visibleIncidents(viewer);
  // People a running wave has not reached yet have no outbox row: the wave's expected count holds them.
  return db.all<DeliveryProgressRow>(
    `SELECT o.incident_id, i.title,
            COUNT(*) + ${greatest(db, '0', "COALESCE((SELECT SUM(w.email_expected + w.sms_expected) FROM notice_waves w WHERE w.incident_id = o.incident_id), 0) - SUM(CAST(o.kind = 'subject' AS INTEGER))")} AS total,
            SUM(CASE WHEN o.status IN ('sent', 'delivered', 'substitute') THEN 1 ELSE 0 END) AS done,
            SUM(CASE WHEN o.status IN ('bounced', 'failed', 'uncertain') THEN 1 ELSE 0 END) AS failed
     FROM outbox o JOIN incidents i ON i.id = o.incident_id
     WHERE i.status = 'open' AND ${v.sql} GROUP BY o.incident_id, i.title ORDER BY MAX(o.updated_at) DESC LIMIT 20`,
    v.params,
  );
}
