// What the team needs at a glance during a breach: open incidents by stage,
// the next deadlines across incidents, holds in force and delivery progress.
// Only incidents the viewer may see are counted.
import type { Db } from '../../store/connection';
import type { AuthUser } from '../auth';
import { visibleClause } from './incident-access';

const STAGE_ORDER = ['triage', 'assessment', 'approval', 'notifying', 'reporting'];

export async function dashboardOf(db: Db, user: AuthUser, now = new Date()) {
  const v = visibleClause(user);
  const stages = await db.all<{ stage: string; n: number }>(
    `SELECT i.stage, COUNT(*) AS n FROM incidents i WHERE i.status = 'open' AND ${v.sql} GROUP BY i.stage`,
    v.params,
  );
  const byStage = STAGE_ORDER.map((stage) => ({ stage, count: stages.find((s) => s.stage === stage)?.n ?? 0 }));

  const deadlines = await db.all<{
    incident_id: string;
    title: string;
    regime: string;
    audience: string;
    basis: string;
    due_at: string;
    status: string;
  }>(
    `SELECT o.incident_id, i.title, o.regime, o.audience, o.basis, o.due_at, o.status FROM obligations o JOIN incidents i ON i.id = o.incident_id
     WHERE i.status = 'open' AND o.required = 1 AND o.due_at IS NOT NULL AND o.status IN ('pending', 'manual', 'held') AND ${v.sql}
     ORDER BY o.due_at LIMIT 20`,
    v.params,
  );

  const holds = await db.all<{
    incident_id: string;
    title: string;
    source: string;
    agency: string | null;
    placed_at: string;
  }>(
    `SELECT h.incident_id, i.title, h.source, h.agency, h.placed_at FROM holds h JOIN incidents i ON i.id = h.incident_id
     WHERE h.released_at IS NULL AND i.status = 'open' AND ${v.sql} ORDER BY h.placed_at`,
    v.params,
  );

  // People a running wave has not reached yet have no outbox row: the wave's expected count holds them.
  const delivery = await db.all<{ incident_id: string; title: string; total: number; done: number; failed: number }>(
    `SELECT o.incident_id, i.title,
            COUNT(*) + MAX(0, COALESCE((SELECT SUM(w.email_expected + w.sms_expected) FROM notice_waves w WHERE w.incident_id = o.incident_id), 0) - SUM(o.kind = 'subject')) AS total,
            SUM(CASE WHEN o.status IN ('sent', 'delivered', 'substitute') THEN 1 ELSE 0 END) AS done,
            SUM(CASE WHEN o.status IN ('bounced', 'failed', 'uncertain') THEN 1 ELSE 0 END) AS failed
     FROM outbox o JOIN incidents i ON i.id = o.incident_id
     WHERE i.status = 'open' AND ${v.sql} GROUP BY o.incident_id, i.title ORDER BY MAX(o.updated_at) DESC LIMIT 20`,
    v.params,
  );

  return {
    openCount: byStage.reduce((n, s) => n + s.count, 0),
    byStage,
    deadlines: deadlines.map((d) => ({
      incidentId: d.incident_id,
      title: d.title,
      regime: d.regime,
      audience: d.audience,
      basis: d.basis,
      dueAt: d.due_at,
      status: d.status,
      overdue: Date.parse(d.due_at) < now.getTime(),
    })),
    holds: holds.map((h) => ({
      incidentId: h.incident_id,
      title: h.title,
      source: h.source,
      agency: h.agency,
      placedAt: h.placed_at,
    })),
    delivery: delivery.map((d) => ({
      incidentId: d.incident_id,
      title: d.title,
      total: d.total,
      done: d.done,
      failed: d.failed,
      percent: d.total ? Math.round((100 * d.done) / d.total) : 0,
    })),
  };
}
