// The webhook's side of the alert intake: one SQLite transaction decides the alert's incident
// (alert-decision.ts) and commits the row with its place in that incident's sequence, and the
// answer goes out. Temporal is never waited on here: the forwarder (forward-alerts.ts) delivers
// the committed rows, so the row is the truth and a crash anywhere after the commit loses nothing.
import { createHash } from 'node:crypto';
import { findAlertTx, insertAlertTx } from '../../store/alerts';
import type { NormalizedAlert } from '../webhooks/alert-payload';
import type { UseCaseContext } from './context';
import { decideAlertTx } from './alert-decision';
import { nowIso } from '../../lib/clock';

export type AlertOutcome = { incidentId: string; alertId: string } | { ignored: true; reason: string; alertId: string };

export async function ingestAlert(
  ctx: Pick<UseCaseContext, 'db'>,
  source: string,
  alert: NormalizedAlert,
  rawBody: string,
  signature: string,
): Promise<AlertOutcome> {
  const alertId = `alr_${createHash('sha256').update(`${source}|${signature}`).digest('hex').slice(0, 26)}`;
  const now = nowIso();
  const incidentId = await ctx.db.transaction(async (tx) => {
    const seen = await findAlertTx(tx, alertId);
    if (seen) return seen.incident_id;
    const decided = await decideAlertTx(
      tx,
      {
        source,
        dedupKey: alert.dedupKey,
        action: alert.action,
        summary: alert.summary,
        severity: alert.severity,
      },
      now,
    );
    await insertAlertTx(tx, {
      id: alertId,
      source,
      dedupKey: alert.dedupKey,
      action: alert.action,
      incidentId: decided?.incidentId ?? null,
      summary: alert.summary,
      severity: alert.severity,
      bodyJson: rawBody,
      receivedAt: now,
      seq: decided?.seq ?? null,
    });
    return decided?.incidentId ?? null;
  });
  return incidentId
    ? { incidentId, alertId }
    : { ignored: true, reason: `${alert.action} with no open incident for this dedup key`, alertId };
}
