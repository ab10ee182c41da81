// Triage of many incidents at once: an alert storm over many dedup keys opens an incident per key,
// and the security team confirms or dismisses them from the list rather than one page each. Each
// incident gets the same step the single form runs (its own workflow update, note and timeline
// entry, its own permission and visibility checks), so one refused incident refuses only itself.
import type { z } from 'zod';
import type { AuthUser } from '../auth';
import { HttpError } from '../errors';
import type { triageManySchema } from '../schemas';
import type { UseCaseContext } from './context';
import { canSeeIncident } from './incident-access';
import { decideTriage } from './triage-decision';

export interface TriageOutcome {
  incidentId: string;
  ok: boolean;
  /** Why this incident was not triaged (it left triage meanwhile, it does not exist, the workflow did not answer). */
  error?: string;
  status?: number;
}

export interface TriageManyResult {
  done: number;
  refused: number;
  outcomes: TriageOutcome[];
}

/** Incidents updated at once: each waits on its workflow's answer, and the worker takes a few at a time. */
const IN_FLIGHT = 4;

export async function triageMany(
  ctx: UseCaseContext,
  body: z.infer<typeof triageManySchema>,
  user: AuthUser,
  idempotencyKey: string | null,
): Promise<TriageManyResult> {
  const { incidentIds, ...step } = body;
  const outcomes: TriageOutcome[] = new Array(incidentIds.length);
  let next = 0;
  const work = async () => {
    for (let i = next++; i < incidentIds.length; i = next++) {
      const incidentId = incidentIds[i]!;
      try {
        // Hidden like a missing one: a restricted incident's existence does not leak through the list.
        if (!(await canSeeIncident(ctx.db, user, incidentId))) throw new HttpError(404, 'not found', 'incidentIds');
        // A key names one request per incident and action, so the same key serves each incident once.
        await decideTriage(ctx, incidentId, step, user, idempotencyKey);
        outcomes[i] = { incidentId, ok: true };
      } catch (err) {
        if (!(err instanceof HttpError) || (err.status >= 500 && err.status !== 503)) throw err;
        outcomes[i] = { incidentId, ok: false, error: err.message, status: err.status };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, incidentIds.length) }, work));
  const done = outcomes.filter((o) => o.ok).length;
  return { done, refused: outcomes.length - done, outcomes };
}
