// Every send activity runs as a recorded attempt (store/send-attempts.ts): it starts by
// ending the earlier attempts of the same activity and sweeping dead claims into
// `uncertain`, beats while it runs, and stamps each claim with its id so that once it
// is dead nothing it does can claim a row or record an outcome.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../store/connection';
import { beginSendAttempt, endSendAttempt, touchSendAttempt, type SendAttemptKind } from '../store/send-attempts';
import { currentActivity, withHeartbeatClock } from './heartbeat-clock';

export interface SendAttempt {
  /** Stamped on every claim the attempt makes. */
  id: string;
  incidentId: string;
  kind: SendAttemptKind;
}

/** Wraps a send activity: `(input, attempt)` becomes a Temporal activity `(input)`. */
export function asSendAttempt<I extends { incidentId: string }, R>(
  db: Db,
  kind: SendAttemptKind,
  activity: (input: I, attempt: SendAttempt) => Promise<R>,
): (input: I) => Promise<R> {
  return async (input: I): Promise<R> => {
    const info = currentActivity()?.info;
    // Called directly (benchmarks, tests) an attempt is its own activity.
    const run = info?.workflowExecution;
    const activityKey = info ? `${run?.workflowId}/${run?.runId}/${info.activityId}` : `local/${randomUUID()}`;
    const attemptNo = info?.attempt ?? 1;
    // Short and random: it is stored on every row the attempt claims.
    const attempt: SendAttempt = { id: randomBytes(8).toString('base64url'), incidentId: input.incidentId, kind };
    await beginSendAttempt(db, { ...attempt, activityKey, attempt: attemptNo });
    try {
      return await withHeartbeatClock(
        () => activity(input, attempt),
        () => touchSendAttempt(db, attempt.id),
      );
    } finally {
      // A failed end must not replace the activity's own outcome: the attempt then goes stale and is swept.
      await endSendAttempt(db, attempt).catch(() => undefined);
    }
  };
}
