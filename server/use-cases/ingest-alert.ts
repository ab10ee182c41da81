// The webhook's side of the alert intake: one SQLite transaction decides each alert's incident
// (alert-decision.ts), commits its row with its place in that incident's sequence and remembers
// the answer for replays, and the answer goes out. Deliveries arriving together share one
// transaction (store/group-commit.ts), and the group is written set-wise: one statement finds the
// earlier answers of all its deliveries, one resolves every alert's id and dedup key, one inserts
// every row and one remembers every answer, whatever the group's size, two at a time (the lookups,
// then the writes). Only a key with no open incident costs statements of its own (its new
// incident). Temporal is never waited on here: the forwarder (forward-alerts.ts) delivers the
// committed rows, so the row is the truth and a crash anywhere after the commit loses nothing.
import { createHash } from 'node:crypto';
import { findAlertsAndKeysTx, insertAlertsTx, type NewAlert } from '../../store/alerts';
import type { Db, Tx } from '../../store/connection';
import { createBatchCommit } from '../../store/group-commit';
import { findWebhookDeliveriesTx, saveWebhookDeliveriesTx } from '../../store/webhook-deliveries';
import type { NormalizedAlert } from '../webhooks/alert-payload';
import { decideAlertTx } from './alert-decision';
import { forgetOldAnswersTx, recentAnswer, type EarlierAnswer } from './webhook-replay';
import { nowIso } from '../../lib/clock';

export type AlertOutcome = { incidentId: string; alertId: string } | { ignored: true; reason: string; alertId: string };

export type DeliveryAnswer = AlertOutcome | { alerts: AlertOutcome[]; incidentIds: string[] };

export interface Delivery {
  source: string;
  /** Its alerts, each with the key that makes it the same alert when it comes again. */
  alerts: Array<{ alert: NormalizedAlert; key: string }>;
  rawBody: string;
  /** What makes the whole delivery the same delivery when it comes again (webhook-replay.ts). */
  deliveryKey: string;
}

export type IntakeResult =
  | { kind: 'accepted'; answer: DeliveryAnswer }
  /** Seen within the replay window: its first answer, and nothing written. */
  | { kind: 'replayed'; earlier: EarlierAnswer }
  /** The backlog was at its depth: nothing written. */
  | { kind: 'overloaded' };

export type Intake = (d: Delivery) => Promise<IntakeResult>;

/**
 * One per web process: every delivery it commits goes through the same group commit. A delivery
 * is refused when the backlog (rows waiting for the forwarder, counting those its group added
 * before it) is at `maxBacklog`.
 */
export function createIntake(db: Db, opts: { maxBacklog: number }): Intake {
  const prune = { after: 0 };
  return createBatchCommit(db, (tx, deliveries) => ingestGroupTx(tx, deliveries, opts.maxBacklog, prune));
}

/** A delivery that must not be refused for the backlog (Settings' test alert). */
export async function ingestDelivery(intake: Intake, d: Delivery): Promise<DeliveryAnswer> {
  const result = await intake(d);
  if (result.kind === 'accepted') return result.answer;
  if (result.kind === 'replayed') return result.earlier.body as DeliveryAnswer;
  throw new Error('the alert intake refused a delivery it was asked to take whatever the backlog');
}

// Old answers are pruned now and again, not by every group: an answer past the window is ignored
// (recentAnswer) whether or not it is still stored.
const PRUNE_EVERY_MS = 10_000;

const alertIdOf = (source: string, key: string) =>
  `alr_${createHash('sha256').update(`${source}|${key}`).digest('hex').slice(0, 26)}`;

async function ingestGroupTx(
  tx: Tx,
  deliveries: Delivery[],
  maxBacklog: number,
  prune: { after: number },
): Promise<IntakeResult[]> {
  const now = nowIso();
  const nowMs = Date.parse(now);
  const items = deliveries.flatMap((d) =>
    d.alerts.map(({ alert, key }) => ({ id: alertIdOf(d.source, key), source: d.source, dedupKey: alert.dedupKey })),
  );
  const [answered, found] = await together(
    findWebhookDeliveriesTx(
      tx,
      deliveries.map((d) => d.deliveryKey),
    ),
    findAlertsAndKeysTx(tx, items, now),
  );
  const earlier = new Map<string, EarlierAnswer>();
  for (const row of answered) {
    const answer = recentAnswer(row, nowMs);
    if (answer) earlier.set(row.signature, answer);
  }

  // What this group decided so far, so later alerts of the group see it as the database would.
  const decidedIds = new Map<string, string | null>();
  const openByKey = new Map<string, string>();
  const lastSeq = new Map<string, number>();
  const rows: NewAlert[] = [];
  const answers: Array<{ signature: string; source: string; body: DeliveryAnswer }> = [];
  let backlog = found.backlog;
  let at = 0;

  const results: IntakeResult[] = [];
  for (const d of deliveries) {
    const lookedUp = found.rows.slice(at, at + d.alerts.length);
    const ids = items.slice(at, at + d.alerts.length).map((i) => i.id);
    at += d.alerts.length;
    const seen = earlier.get(d.deliveryKey);
    if (seen) {
      results.push({ kind: 'replayed', earlier: seen });
      continue;
    }
    if (backlog >= maxBacklog) {
      results.push({ kind: 'overloaded' });
      continue;
    }
    const outcomes: AlertOutcome[] = [];
    for (const [i, { alert }] of d.alerts.entries()) {
      const alertId = ids[i]!;
      const row = lookedUp[i]!;
      const dedupKey = `${d.source}\u0000${alert.dedupKey}`;
      let incidentId: string | null;
      if (decidedIds.has(alertId)) incidentId = decidedIds.get(alertId)!;
      else if (row.seen) incidentId = row.seen_incident;
      else {
        const open = openByKey.get(dedupKey) ?? row.open_incident;
        let seq: number;
        if (open) {
          incidentId = open;
          seq = (lastSeq.get(open) ?? row.max_seq ?? 0) + 1;
        } else {
          const decided = await decideAlertTx(
            tx,
            {
              source: d.source,
              dedupKey: alert.dedupKey,
              action: alert.action,
              summary: alert.summary,
              severity: alert.severity,
            },
            now,
            { openIncidentId: null, maxSeq: null, snoozedUntil: row.snoozed_until },
          );
          incidentId = decided?.incidentId ?? null;
          seq = decided?.seq ?? 0;
          if (incidentId) openByKey.set(dedupKey, incidentId);
        }
        if (incidentId) {
          lastSeq.set(incidentId, seq);
          backlog++;
        }
        decidedIds.set(alertId, incidentId);
        rows.push({
          id: alertId,
          source: d.source,
          dedupKey: alert.dedupKey,
          action: alert.action,
          incidentId,
          summary: alert.summary,
          severity: alert.severity,
          bodyJson: d.rawBody,
          receivedAt: now,
          seq: incidentId ? seq : null,
        });
      }
      outcomes.push(
        incidentId
          ? { incidentId, alertId }
          : {
              ignored: true,
              reason:
                row.snoozed_until && alert.action === 'trigger'
                  ? `this dedup key is snoozed on this source until ${row.snoozed_until}`
                  : `${alert.action} with no open incident for this dedup key`,
              alertId,
            },
      );
    }
    const answer: DeliveryAnswer =
      outcomes.length === 1 ? outcomes[0]! : { alerts: outcomes, incidentIds: incidentIdsOf(outcomes) };
    // The same delivery twice in one group: the second is a replay of the first.
    earlier.set(d.deliveryKey, { status: 202, body: answer as unknown as Record<string, unknown> });
    answers.push({ signature: d.deliveryKey, source: d.source, body: answer });
    results.push({ kind: 'accepted', answer });
  }

  await together<unknown, unknown>(
    rows.length > 0 ? insertAlertsTx(tx, rows) : Promise.resolve(),
    answers.length > 0
      ? saveWebhookDeliveriesTx(
          tx,
          answers.map((a) => ({
            signature: a.signature,
            source: a.source,
            receivedAt: now,
            statusCode: 202,
            responseJson: JSON.stringify(a.body),
          })),
        )
      : Promise.resolve(),
  );
  if (nowMs >= prune.after) {
    prune.after = nowMs + PRUNE_EVERY_MS;
    await forgetOldAnswersTx(tx);
  }
  return results;
}

/**
 * Two statements sent to SQLite's thread at once: one wait for the event loop instead of two. Both
 * have ended before an error leaves, so the caller's rollback never runs ahead of one of them.
 */
async function together<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

function incidentIdsOf(outcomes: AlertOutcome[]): string[] {
  return [...new Set(outcomes.flatMap((o) => ('incidentId' in o ? [o.incidentId] : [])))];
}
