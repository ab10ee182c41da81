// An alert maps to its open incident in one SQLite transaction, then is
// signalled to that incident's workflow (signal-with-start). A crash between
// the two heals on retry: the alert row remembers it was not yet signalled, and
// the workflow counts each alert id once.
import { INCIDENT_WORKFLOW } from '../../workflows/incident/messages';
import { createHash } from 'node:crypto';
import { newId } from '../../lib/ids';
import {
  deleteUnsignalledAlertTx,
  findAlertTx,
  findLastClosedDedupTx,
  findOpenDedupTx,
  insertAlertTx,
  insertOpenDedupTx,
  listUnsignalledAlerts,
  markAlertSignalled,
} from '../../store/alerts';
import { getIncidentOrigin, insertIncidentTx, releaseAlertDedupTx } from '../../store/incident-store';
import { toDetectionMethod, type IncidentInput } from '../../workflows/types';
import type { NormalizedAlert } from '../webhooks/alert-payload';
import type { UseCaseContext } from './context';
import { nowIso } from '../../lib/clock';

export type AlertOutcome = { incidentId: string } | { ignored: true; reason: string };

export async function ingestAlert(
  ctx: UseCaseContext,
  source: string,
  alert: NormalizedAlert,
  rawBody: string,
  signature: string,
): Promise<AlertOutcome> {
  const alertId = `alr_${createHash('sha256').update(`${source}|${signature}`).digest('hex').slice(0, 26)}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = nowIso();
    const decided = await ctx.db.transaction(async (tx) => {
      const seen = await findAlertTx(tx, alertId);
      if (seen) return seen.incident_id ? { incidentId: seen.incident_id, created: false } : null;
      const open = await findOpenDedupTx(tx, source, alert.dedupKey);
      let incidentId = open?.incident_id ?? null;
      let created = false;
      if (!incidentId && alert.action === 'trigger') {
        incidentId = newId();
        created = true;
        const last = await findLastClosedDedupTx(tx, source, alert.dedupKey);
        await insertIncidentTx(tx, {
          id: incidentId,
          title: alert.summary.slice(0, 200),
          description: '',
          severity: alert.severity,
          detectedAt: now,
          occurredAt: null,
          detectionMethod: 'alert',
          detectionNote: source,
          dataCategories: [],
          reporter: null,
          source,
          linkedIncidentId: last?.incident_id ?? null,
          createdAt: now,
          createdBy: `webhook:${source}`,
          workflowType: INCIDENT_WORKFLOW,
        });
        await insertOpenDedupTx(tx, { source, dedupKey: alert.dedupKey, incidentId, openedAt: now });
      }
      await insertAlertTx(tx, {
        id: alertId,
        source,
        dedupKey: alert.dedupKey,
        action: alert.action,
        incidentId,
        summary: alert.summary,
        severity: alert.severity,
        bodyJson: rawBody,
        receivedAt: now,
      });
      return incidentId ? { incidentId, created } : null;
    });
    if (!decided) return { ignored: true, reason: `${alert.action} with no open incident for this dedup key` };

    const incident = await getIncidentOrigin(ctx.db, decided.incidentId);
    const input: IncidentInput = {
      incidentId: decided.incidentId,
      createdAt: incident!.created_at,
      openedBy: { kind: 'webhook', id: source },
      severity: incident!.severity as IncidentInput['severity'],
      detectedAt: incident!.detected_at,
      // Rows from before the codes were migrated to one (017); the mapping keeps an odd row from reaching history as text.
      detectionMethod: toDetectionMethod(incident!.detection_method).code,
      dataCategories: [],
      source,
    };
    // Signal this alert and any earlier one for the incident that a crash left unsignalled.
    const pending = await listUnsignalledAlerts(ctx.db, decided.incidentId);
    let closed = false;
    for (const earlier of pending) {
      const signalled = await ctx.gateway.signalAlert(input, {
        alertId: earlier.id,
        action: earlier.action,
        receivedAt: earlier.received_at,
      });
      if (signalled === 'closed') {
        closed = true;
        break;
      }
      await markAlertSignalled(ctx.db, earlier.id, nowIso());
    }
    if (!closed) return { incidentId: decided.incidentId };
    // The incident closed between the lookup and the signal: free its key and decide again.
    await ctx.db.transaction(async (tx) => {
      await releaseAlertDedupTx(tx, decided.incidentId);
      await deleteUnsignalledAlertTx(tx, alertId);
    });
  }
  return { ignored: true, reason: 'the incident for this key closed while the alert arrived' };
}
