// Every workflow history an incident produced, for the tests that prove no personal data or free
// text reaches Temporal: the incident workflow, its notice waves (`notify-<id>-<version>`) and its
// late-bounce workflows (`late-bounces-<id>-<version>`), each with every run, continued-as-new
// runs included. Visibility finds the executions; each run's history names the run it continued
// into, which catches a run visibility has not listed yet.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { ENCRYPTED_ENCODING } from '../../lib/payload-codec';

export interface ScannedRun {
  workflowId: string;
  runId: string;
  /** Every string and byte payload in the run's history (opened with the codec, when given), as UTF-8, joined. */
  text: string;
  /** Encodings of the payloads stored in clear (search attributes and patch markers aside). */
  plainPayloads: string[];
}

const isPayload = (v: object): v is Payload =>
  'metadata' in v &&
  typeof (v as Payload).metadata === 'object' &&
  (v as Payload).metadata !== null &&
  'encoding' in (v as Payload).metadata!;

function payloadsIn(value: unknown, out: Payload[] = [], key = ''): Payload[] {
  // Search attributes are indexed by the server. Markers' own data is written by the SDK's core, not
  // through the codec: a patch marker's holds the patch's name, a local activity marker's its sequence
  // number, attempt, activity type and times (its result, the activity's output, is a payload of its own).
  if (
    key.endsWith('.searchAttributes') ||
    key.endsWith('.details.patch-data') ||
    key.endsWith('.markerRecordedEventAttributes.details.data') ||
    !value ||
    typeof value !== 'object' ||
    value instanceof Uint8Array
  )
    return out;
  if (isPayload(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) payloadsIn(v, out, key + '[]');
  else for (const [k, v] of Object.entries(value)) payloadsIn(v, out, key + '.' + k);
  return out;
}

/** A copy of the history with every payload opened by the codec. */
async function opened(value: unknown, codec: PayloadCodec): Promise<unknown> {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (isPayload(value)) return (await codec.decode([value]))[0];
  if (Array.isArray(value)) return Promise.all(value.map((v) => opened(v, codec)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await opened(v, codec);
  return out;
}

/** Every string and byte payload in a value, decoded as UTF-8. */
export function historyText(value: unknown, out: string[] = []): string[] {
  if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) historyText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) historyText(v, out);
  return out;
}

export const incidentWorkflowQuery = (incidentId: string) =>
  `WorkflowId = 'incident-${incidentId}' OR WorkflowId STARTS_WITH 'notify-${incidentId}-' OR WorkflowId STARTS_WITH 'late-bounces-${incidentId}-'`;

export async function scanIncidentHistories(
  client: Client,
  incidentId: string,
  codec?: PayloadCodec,
): Promise<ScannedRun[]> {
  const queue: { workflowId: string; runId: string }[] = [];
  for await (const execution of client.workflow.list({ query: incidentWorkflowQuery(incidentId) }))
    queue.push({ workflowId: execution.workflowId, runId: execution.runId });
  // The incident's latest run is there whatever visibility has caught up with (a test that runs a
  // wave or late bounces on their own has no incident workflow).
  const latest = await client.workflow
    .getHandle(`incident-${incidentId}`)
    .describe()
    .catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return null;
      throw err;
    });
  if (latest) queue.push({ workflowId: latest.workflowId, runId: latest.runId });

  const seen = new Set<string>();
  const runs: ScannedRun[] = [];
  while (queue.length > 0) {
    const next = queue.shift()!;
    const key = `${next.workflowId}/${next.runId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const history = await client.workflow.getHandle(next.workflowId, next.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const continued = event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      if (continued) queue.push({ workflowId: next.workflowId, runId: continued });
      const started = event.workflowExecutionStartedEventAttributes;
      if (started?.continuedExecutionRunId)
        queue.push({ workflowId: next.workflowId, runId: started.continuedExecutionRunId });
      const child = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
      if (child?.workflowId && child.runId) queue.push({ workflowId: child.workflowId, runId: child.runId });
    }
    const plainPayloads = payloadsIn(history.events)
      .map((p) => Buffer.from(p.metadata!.encoding!).toString('utf8'))
      .filter((encoding) => encoding !== ENCRYPTED_ENCODING);
    const readable = codec ? await opened(history, codec) : history;
    runs.push({ ...next, text: historyText(readable).join('\n'), plainPayloads });
  }
  return runs;
}
