// Every workflow history an incident produced, for the tests that prove no personal data or free
// text reaches Temporal: the incident workflow, its notice waves (`notify-<id>-<version>`) and its
// late-bounce workflows (`late-bounces-<id>-<version>`), each with every run, continued-as-new
// runs included. Visibility finds the executions; each run's history names the run it continued
// into, which catches a run visibility has not listed yet.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';

export interface ScannedRun {
  workflowId: string;
  runId: string;
  /** Every string and byte payload in the run's history, decoded as UTF-8 and joined. */
  text: string;
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

export async function scanIncidentHistories(client: Client, incidentId: string): Promise<ScannedRun[]> {
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
    runs.push({ ...next, text: historyText(history).join('\n') });
  }
  return runs;
}
