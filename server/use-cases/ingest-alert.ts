// The webhook's side of the alert intake: one SQLite transaction decides each alert's incident
// (alert-decision.ts), commits its row with its place in that incident's sequence and remembers
// the answer for replays, and the answer goes out. Deliveries arriving together share one
// transaction (store/group-commit.ts). Temporal is never waited on here: the forwarder (forward-alerts.ts) delivers
// the committed rows, so the row is the truth and a crash anywhere after the commit loses nothing.
import { createHash } from 'node:crypto';
import { findAlertAndKeyTx, insertAlertTx } from '../../store/alerts';
import type { Db, Tx } from '../../store/connection';
import { createGroupCommit, type GroupCommit } from '../../store/group-commit';
import type { NormalizedAlert } from '../webhooks/alert-payload';
import { decideAlertTx } from './alert-decision';
import { forgetOldAnswersTx, rememberAnswerTx } from './webhook-replay';
import { nowIso } from '../../lib/clock';

export type AlertOutcome = { incidentId: string; alertId: string } | { ignored: true; reason: string; alertId: string };

export type DeliveryAnswer = AlertOutcome | { alerts: AlertOutcome[]; incidentIds: string[] };

/** One per web process: every delivery it commits goes through the same group commit. */
export function createIntakeCommit(db: Db): GroupCommit {
  return createGroupCommit(db, { beforeCommit: forgetOldAnswersTx });
}

/**
 * One webhook delivery: its alerts, each with the key that makes it the same alert when it comes
 * again, committed together with the answer remembered under `deliveryKey`.
 */
export function ingestDelivery(
  commit: GroupCommit,
  d: { source: string; alerts: Array<{ alert: NormalizedAlert; key: string }>; rawBody: string; deliveryKey: string },
): Promise<DeliveryAnswer> {
  return commit(async (tx) => {
    const outcomes: AlertOutcome[] = [];
    for (const { alert, key } of d.alerts) outcomes.push(await ingestAlertTx(tx, d.source, alert, d.rawBody, key));
    const answer: DeliveryAnswer =
      outcomes.length === 1 ? outcomes[0]! : { alerts: outcomes, incidentIds: incidentIdsOf(outcomes) };
    await rememberAnswerTx(tx, { signature: d.deliveryKey, source: d.source, status: 202, body: answer });
    return answer;
  });
}

function incidentIdsOf(outcomes: AlertOutcome[]): string[] {
  return [...new Set(outcomes.flatMap((o) => ('incidentId' in o ? [o.incidentId] : [])))];
}

async function ingestAlertTx(
  tx: Tx,
  source: string,
  alert: NormalizedAlert,
  rawBody: string,
  signature: string,
): Promise<AlertOutcome> {
  const alertId = `alr_${createHash('sha256').update(`${source}|${signature}`).digest('hex').slice(0, 26)}`;
  const now = nowIso();
  let snoozedUntil: string | null = null;
  const incidentId = await (async () => {
    const found = await findAlertAndKeyTx(tx, alertId, source, alert.dedupKey, now);
    if (found.seen) return found.seen_incident;
    snoozedUntil = found.snoozed_until;
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
      { openIncidentId: found.open_incident, maxSeq: found.max_seq, snoozedUntil: found.snoozed_until },
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
  })();
  return incidentId
    ? { incidentId, alertId }
    : {
        ignored: true,
        reason:
          snoozedUntil && alert.action === 'trigger'
            ? `this dedup key is snoozed on this source until ${snoozedUntil as string}`
            : `${alert.action} with no open incident for this dedup key`,
        alertId,
      };
}
