// How an update validator refuses a request, and how the server reads the refusal back. A refusal is
// an ApplicationFailure of type UpdateRejected whose first detail names the field at fault; the server
// answers it as 409 {error, field}. Imports only @temporalio/common: it runs in the workflow sandbox
// and in the web process alike.
import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a validator's refusal (also the error name of the old `UpdateRejected` class). */
export const UPDATE_REJECTED = 'UpdateRejected';

/** The first (only) detail of a refusal. */
export interface RejectionDetails {
  field: string;
}

/** A refusal as the server answers it: the field at fault (null when none is named) and the reason. */
export interface Rejection {
  field: string | null;
  message: string;
}

/** What a validator throws to refuse a request: `throw rejectUpdate('riskLevel', 'must be none, risk or high_risk')`. */
export function rejectUpdate(field: string, message: string): ApplicationFailure {
  const details: [RejectionDetails] = [{ field }];
  return ApplicationFailure.create({ type: UPDATE_REJECTED, message, details, nonRetryable: true });
}

/** The old message form, "field: message" (the field a dotted path such as affected.DE). */
const LEGACY_MESSAGE = /^([A-Za-z0-9_.]+): (.*)$/s;
/** Enough for WorkflowUpdateFailedError → ApplicationFailure and a few wrappers; stops on a cycle. */
const MAX_DEPTH = 8;

/**
 * The refusal in an error's cause chain (WorkflowUpdateFailedError → ApplicationFailure), or null when
 * the chain holds no ApplicationFailure. The field comes from `details[0].field`.
 *
 * Fallback, for runs of the workflow from before rejectUpdate: their validators threw the old
 * `UpdateRejected` class or a plain Error, which the SDK turns into an ApplicationFailure typed by the
 * constructor's name ('UpdateRejected', 'Error') whose message is "field: message". A failure without
 * a field detail has its message parsed that way whatever its type, as the server always did (a
 * bundler may rename the class); one that does not parse is a refusal with no field.
 */
export function rejectionOf(err: unknown): Rejection | null {
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < MAX_DEPTH; depth++) {
    if (e instanceof ApplicationFailure) return readFailure(e);
    e = e.cause;
  }
  return null;
}

function readFailure(f: ApplicationFailure): Rejection {
  const message = f.message || 'update rejected';
  const first = f.details?.[0] as Partial<RejectionDetails> | null | undefined;
  if (f.type === UPDATE_REJECTED && typeof first?.field === 'string') return { field: first.field, message };
  const m = LEGACY_MESSAGE.exec(message);
  return m ? { field: m[1]!, message: m[2]! } : { field: null, message };
}
