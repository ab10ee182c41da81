// What the team needs at a glance during a breach: open incidents by stage,
// the next deadlines across incidents, holds in force and delivery progress.
// Only incidents the viewer may see are counted.
import type { Db } from '../../store/connection';
import type { AuthUser } from '../auth';
import { viewerOf } from './incident-access';
import { elapsedSince, isDueNow } from '../../lib/obligation-urgency';
import {
  countOpenObligations,
  deliveryProgressByIncident,
  holdsInForce,
  openIncidentsByStage,
  openObligations,
} from '../../store/dashboard';

const STAGE_ORDER = ['triage', 'assessment', 'approval', 'notifying', 'reporting'];

const DAY_MS = 24 * 3600_000;

export async function dashboardOf(db: Db, user: AuthUser, now = new Date()) {
  const viewer = viewerOf(user);
  const stages = await openIncidentsByStage(db, viewer);
  const byStage = STAGE_ORDER.map((stage) => ({ stage, count: stages.find((row) => row.stage === stage)?.n ?? 0 }));
  const deadlines = await openObligations(db, viewer);
  const deadlineTotal = await countOpenObligations(db, viewer);
  const holds = await holdsInForce(db, viewer);
  const delivery = await deliveryProgressByIncident(db, viewer);
  return {
    openCount: byStage.reduce((total, row) => total + row.count, 0),
    byStage,
    /** Open obligations beyond the ones listed (the list stops at 500). */
    moreDeadlines: Math.max(0, deadlineTotal - deadlines.length),
    deadlines: deadlines.map((deadline) => ({
      incidentId: deadline.incident_id,
      title: deadline.title,
      regime: deadline.regime,
      audience: deadline.audience,
      basis: deadline.basis,
      dueAt: deadline.due_at,
      status: deadline.status,
      // Due now has no date to pass: it shows the time elapsed since its clock started instead.
      dueNow: isDueNow(deadline.due_now === 1, deadline.status),
      clockStartedAt: deadline.clock_started_at,
      elapsed: deadline.clock_started_at ? elapsedSince(deadline.clock_started_at, now.getTime()) : null,
      overdue: deadline.due_at !== null && Date.parse(deadline.due_at) < now.getTime(),
      dueSoon:
        deadline.due_at !== null &&
        Date.parse(deadline.due_at) >= now.getTime() &&
        Date.parse(deadline.due_at) - now.getTime() < DAY_MS,
      recipient: deadline.recipient,
      unconfirmedFacts: JSON.parse(deadline.unconfirmed_facts_json) as string[],
    })),
    holds: holds.map((hold) => ({
      incidentId: hold.incident_id,
      title: hold.title,
      source: hold.source,
      agency: hold.agency,
      placedAt: hold.placed_at,
    })),
    delivery: delivery.map((row) => ({
      incidentId: row.incident_id,
      title: row.title,
      total: row.total,
      done: row.done,
      failed: row.failed,
      percent: row.total ? Math.round((100 * row.done) / row.total) : 0,
    })),
  };
}
