// Sending one outbox row: claim (committed), call the provider, record the
// outcome. Retryable failures put the row back to pending and surface as an
// ApplicationFailure with the provider's Retry-After, so Temporal's retry does
// the waiting; uncertain outcomes are recorded and never re-sent here.
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../store/connection';
import { appendAudit } from '../store/audit';
import { claimRow, finishRow, type OutboxRow } from '../store/outbox';
import type { SendAttempt } from './send-attempt';
import { SendError, safeErrorSummary, type SendResult } from './providers';
import type { Logger } from '../lib/logger';
import { nowIso } from '../lib/clock';
import { failpoint } from '../lib/failpoints';

export type DeliveryOutcome = 'sent' | 'failed' | 'uncertain' | 'skipped';

export interface RetryLater {
  retryAfterMs: number | undefined;
  message: string;
}

export async function deliverRow(
  db: Db,
  row: OutboxRow,
  send: () => Promise<SendResult>,
  logger: Logger,
  attempt: SendAttempt,
): Promise<DeliveryOutcome | RetryLater> {
  if (!(await claimRow(db, row.id, attempt.id))) return 'skipped';
  failpoint(`${attempt.kind}.claimed`);
  try {
    const r = await send();
    failpoint(`${attempt.kind}.sent`);
    await finishRow(
      db,
      row.id,
      { status: 'sent', provider: r.provider, providerId: r.providerId, error: null },
      attempt.id,
    );
    await appendAudit(db, {
      incidentId: row.incident_id,
      type: 'message.sent',
      at: nowIso(),
      actor: { kind: 'system', id: r.provider },
      summary: `${row.kind} ${row.channel} sent`,
      details: { outboxId: row.id, template: row.template, providerId: r.providerId },
      eventKey: `outbox:${row.id}:sent`,
    });
    return 'sent';
  } catch (err) {
    const summary = safeErrorSummary(err);
    logger.warn({ outboxId: row.id, kind: row.kind, channel: row.channel, error: summary }, 'send failed');
    if (err instanceof SendError && err.kind === 'retryable') {
      await finishRow(db, row.id, { status: 'pending', error: summary.message }, attempt.id);
      return { retryAfterMs: err.details.retryAfterMs, message: summary.message };
    }
    const status = err instanceof SendError && err.kind === 'permanent' ? 'failed' : 'uncertain';
    await finishRow(db, row.id, { status, error: summary.message }, attempt.id);
    await appendAudit(db, {
      incidentId: row.incident_id,
      type: status === 'failed' ? 'message.failed' : 'message.uncertain',
      at: nowIso(),
      actor: { kind: 'system', id: 'outbox' },
      summary: `${row.kind} ${row.channel} ${status}`,
      details: { outboxId: row.id, error: summary.message },
      eventKey: `outbox:${row.id}:${status}:${row.attempts + 1}`,
    });
    return status;
  }
}

export function isRetryLater(x: DeliveryOutcome | RetryLater): x is RetryLater {
  return typeof x === 'object';
}

export function retryLaterFailure(r: RetryLater): ApplicationFailure {
  return ApplicationFailure.create({
    message: `provider asked to retry later: ${r.message}`,
    type: 'ProviderRetryLater',
    nextRetryDelay: r.retryAfterMs !== undefined ? Math.max(r.retryAfterMs, 100) : undefined,
  });
}

/** Runs `work` over items with at most `limit` in flight; stops taking new items once `stop()` is true. */
export async function runPool<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !stop()) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
