// The server's only door to Temporal: starting incidents and running updates
// under a deadline, with the idempotency key as the update id. Validator
// rejections become 409, a missing worker becomes 503, never a hung request.
import {
  type Client,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
// Workflows are started by their registered name: the web process loads their
// message definitions, never their code.
import type { incidentWorkflowV2 } from '../workflows/incident/workflow';
import { alertBatchSignal, alertSignal, INCIDENT_WORKFLOW } from '../workflows/incident/messages';
import { rejectionOf } from '../workflows/incident/rejections';
import type { lateBouncesWorkflow } from '../workflows/late-bounces/workflow';
import {
  bouncesReportedSignal,
  LATE_BOUNCES_WORKFLOW,
  lateBouncesWorkflowId,
  type BouncesReported,
  type LateBouncesInput,
} from '../workflows/late-bounces/messages';
import { newId } from '../lib/ids';
import type { AlertBatchSignal, AlertSignal, IncidentInput, RequestMeta, UpdateResult } from '../workflows/types';
import { HttpError } from './errors';

export const workflowIdFor = (incidentId: string) => `incident-${incidentId}`;

export interface TemporalGateway {
  client: Client;
  startIncident(input: IncidentInput): Promise<void>;
  signalAlert(input: IncidentInput, alert: AlertSignal): Promise<'signalled' | 'closed'>;
  /** One signal-with-start carrying many alerts of one incident; 'closed' when its workflow has ended. */
  signalAlertBatch(input: IncidentInput, batch: AlertBatchSignal): Promise<'signalled' | 'closed'>;
  /** Runs a human step; `requestKey` is the idempotency key (repeats return the first answer). */
  update<A extends object>(
    incidentId: string,
    def: UpdateDefinition<UpdateResult, [A]>,
    arg: A,
    requestKey: string,
  ): Promise<UpdateResult>;
  /** Wakes (or starts) the late-bounces workflow of one notice version; throws if Temporal does not take it by the deadline. */
  signalBouncesReported(input: LateBouncesInput, deadline: number): Promise<void>;
}

export function createTemporalGateway(
  client: Client,
  opts: { taskQueue: string; updateTimeoutMs: number },
): TemporalGateway {
  return {
    client,
    async startIncident(input) {
      try {
        await client.workflow.start<typeof incidentWorkflowV2>(INCIDENT_WORKFLOW, {
          workflowId: workflowIdFor(input.incidentId),
          taskQueue: opts.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        // A retried request (same idempotency key) finds its workflow already there: that is success.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
    async signalAlert(input, alert) {
      try {
        await client.workflow.signalWithStart<typeof incidentWorkflowV2, [AlertSignal]>(INCIDENT_WORKFLOW, {
          workflowId: workflowIdFor(input.incidentId),
          taskQueue: opts.taskQueue,
          args: [input],
          signal: alertSignal,
          signalArgs: [alert],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        return 'signalled';
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'closed';
        throw err;
      }
    },
    async signalAlertBatch(input, batch) {
      try {
        await client.workflow.signalWithStart<typeof incidentWorkflowV2, [AlertBatchSignal]>(INCIDENT_WORKFLOW, {
          workflowId: workflowIdFor(input.incidentId),
          taskQueue: opts.taskQueue,
          args: [input],
          signal: alertBatchSignal,
          signalArgs: [batch],
          // A closed run is not started again: the forwarder decides its rows again instead.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        return 'signalled';
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return 'closed';
        throw err;
      }
    },
    async signalBouncesReported(input, deadline) {
      await client.connection.withDeadline(deadline, () =>
        client.workflow.signalWithStart<typeof lateBouncesWorkflow, [BouncesReported]>(LATE_BOUNCES_WORKFLOW, {
          workflowId: lateBouncesWorkflowId(input.incidentId, input.noticeVersion),
          taskQueue: opts.taskQueue,
          args: [input],
          signal: bouncesReportedSignal,
          signalArgs: [{ channelPolicy: input.channelPolicy }],
          // A finished run (idle) is replaced by a new one; a running one just gets the signal.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      );
    },
    async update<A extends object>(
      incidentId: string,
      def: UpdateDefinition<UpdateResult, [A]>,
      arg: A,
      requestKey: string,
    ) {
      const handle = client.workflow.getHandle(workflowIdFor(incidentId));
      const deadline = Date.now() + opts.updateTimeoutMs;
      // The workflow refuses the request once respondBy has passed, so a client that takes the 503 and walks away is not surprised later
      // even if the server later hands this attempt to a worker. Each attempt gets its own update id; the
      // workflow dedups on requestKey, which also holds across continue-as-new.
      const attempt: A & RequestMeta = { ...arg, requestKey, respondBy: new Date(deadline).toISOString() };
      const updateId = `${requestKey}#${newId()}`;
      try {
        return await client.connection.withDeadline(deadline, () =>
          handle.executeUpdate(def, { args: [attempt], updateId }),
        );
      } catch (err) {
        throw translateUpdateError(err);
      }
    },
  };
}

export function translateUpdateError(err: unknown): Error {
  if (err instanceof WorkflowUpdateFailedError) {
    // rejectUpdate's field detail, or the "field: message" of runs from before it (see rejectionOf).
    const r = rejectionOf(err);
    return new HttpError(409, r?.message ?? err.cause?.message ?? 'update rejected', r?.field ?? null);
  }
  // Neither says the workflow did nothing: a worker may have acted just as the deadline passed.
  // The repeat under the same key returns that outcome, or acts once if there was none.
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isDeadline(err)) {
    return new HttpError(503, NOT_CONFIRMED, null, true);
  }
  if (isUnavailable(err)) {
    return new HttpError(503, `Temporal is unreachable; ${NOT_CONFIRMED}`, null, true);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new HttpError(409, 'the incident workflow is not running (closed or dismissed)', 'stage');
  }
  return err instanceof Error ? err : new Error(String(err));
}

export const NOT_CONFIRMED = 'not confirmed in time; repeat the request with the same Idempotency-Key';

/** gRPC UNAVAILABLE: the frontend could not be reached or dropped the call. */
function isUnavailable(err: unknown): boolean {
  const e = err as { code?: number; cause?: { code?: number } };
  return e?.code === 14 || e?.cause?.code === 14;
}

function isDeadline(err: unknown): boolean {
  const e = err as { code?: number; cause?: { code?: number } };
  return e?.code === 4 || e?.cause?.code === 4;
}
