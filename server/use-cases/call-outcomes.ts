// A call's outcome from Twilio's status callback. Nothing else needs telling: the wave
// that placed the call looks at its rows again on its own timer (place-calls.ts) and
// places the next call when this one did not reach the person.
import { FINAL_CALL_STATUSES, recordCallOutcome, type FinalCallStatus } from '../../store/calls';
import type { UseCaseContext } from './context';

const FINAL: ReadonlySet<string> = new Set(FINAL_CALL_STATUSES);

/** Applies a signed callback's parameters; false when they carry no final status or moved nothing. */
export async function recordCallReport(
  ctx: Pick<UseCaseContext, 'db'>,
  outboxId: string,
  params: Record<string, string>,
  callNumber: number | null,
): Promise<boolean> {
  const sid = params.CallSid;
  const status = params.CallStatus;
  // Progress events (ringing, in-progress) are not outcomes; only a final status settles a call.
  if (!sid || !status || !FINAL.has(status)) return false;
  return recordCallOutcome(ctx.db, {
    outboxId,
    callSid: sid.slice(0, 64),
    callStatus: status as FinalCallStatus,
    answeredBy: params.AnsweredBy ? params.AnsweredBy.slice(0, 40) : null,
    callNumber,
  });
}
