// An alert storm writes one audit entry per alert: 5,000 "Alert trigger received" lines would bury
// the hold, the approvals and the notices a DPO reads the incident page for. There, consecutive alert
// entries of one kind from one source read as one line with their count and span; a lone alert stays
// a line of its own. The audit chain keeps every entry, and the API's timeline lists them all.

/** The alert entries the intake writes, one per alert (workflows/incident/timeline-events.ts). */
const ALERT_TYPES: ReadonlyMap<string, string> = new Map([
  ['alert.trigger', 'alerts'],
  ['alert.resolve', 'alert resolves'],
  ['alert.acknowledge', 'alert acknowledgements'],
]);

export interface TimelineRunEntry {
  seq: number;
  at: string;
  type: string;
  actor: string;
  summary: string;
}

/** A run of alert entries read as one: `count` of them from `at` through `lastAt` (chain `seq` through `lastSeq`). */
export type Collapsed<E extends TimelineRunEntry> = E & { count?: number; lastAt?: string; lastSeq?: number };

/** Folds each run of two or more consecutive alert entries of one type and actor into its first entry. */
export function collapseAlertRuns<E extends TimelineRunEntry>(entries: readonly E[]): Collapsed<E>[] {
  const out: Collapsed<E>[] = [];
  let run: { first: E; last: E; count: number } | null = null;
  const flush = () => {
    if (!run) return;
    out.push(
      run.count === 1
        ? run.first
        : {
            ...run.first,
            summary: `${run.count} ${ALERT_TYPES.get(run.first.type)!} received`,
            count: run.count,
            lastAt: run.last.at,
            lastSeq: run.last.seq,
          },
    );
    run = null;
  };
  for (const e of entries) {
    if (!ALERT_TYPES.has(e.type)) {
      flush();
      out.push(e);
    } else if (run && run.first.type === e.type && run.first.actor === e.actor) {
      run.last = e;
      run.count++;
    } else {
      flush();
      run = { first: e, last: e, count: 1 };
    }
  }
  flush();
  return out;
}
