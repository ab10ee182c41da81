// What the team needs at a glance during a breach: open incidents by stage,
// the next deadlines across incidents, holds in force and delivery progress.
// Only incidents the viewer may see are counted.
import type { Db } from '../../store/connection';
import type { AuthUser } from '../auth';
import { viewerOf } from './incident-access';
import { deliveryProgressByIncident, holdsInForce, nextDeadlines, openIncidentsByStage } from '../../store/dashboard';

const STAGE_ORDER = ['triage', 'assessment', 'approval', 'notifying', 'reporting'];

export async function dashboardOf(db: Db, user: AuthUser, now = new Date()) {
  const viewer = viewerOf(user);
  const stages = await openIncidentsByStage(db, viewer);
  const byStage = STAGE_ORDER.map((stage) => ({ stage, count: stages.find((s) => s.stage === stage)?.n ?? 0 }));
  const deadlines = await nextDeadlines(db, viewer);
  const holds = await holdsInForce(db, viewer);
  const delivery = await deliveryProgressByIncident(db, viewer);
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
