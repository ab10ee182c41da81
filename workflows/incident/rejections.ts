// TEMP stub until typed-contracts merges
import { ApplicationFailure } from '@temporalio/common';
export function rejectUpdate(field: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'UpdateRejected', message, details: [{ field }], nonRetryable: true });
}
