// The forwarder: delivers the intake buffer's committed rows to their incident workflows, one
// signal-with-start per incident carrying every waiting alert of the page, in sequence order, and
// only then marks them delivered (several incidents' marks in one write). In a storm an incident is
// signalled at most once per linger, so its alerts gather into fewer, larger signals; an incident that
// keeps having alerts waiting when its linger ends lingers twice as long next time, up to a cap, since
// Temporal and the worker pay per signal, not per alert. A crash
// between the signal and the mark re-sends the batch; the workflow applies only sequence numbers
// above its high-water mark, so nothing counts twice. An
// incident that closed before its rows arrived gets them decided again (a new incident linked to
// it, or ignored), exactly as an alert arriving after the close would be.
import { nowIso } from '../../lib/clock';
import { failpoint } from '../../lib/failpoints';
import {
  listIncidentsWithUndeliveredAlerts,
  listUndeliveredAlerts,
  listUndeliveredForIncidentTx,
  intakeBacklogDepth,
  markAlertsDeliveredMany,
  reassignAlertTx,
  whileForwardingIncident,
  type UndeliveredAlertRow,
} from '../../store/alerts';
import { getIncidentOrigin, releaseAlertDedupTx } from '../../store/incident-store';
import { INCIDENT_WORKFLOW_V1 } from '../../workflows/incident/messages';
import { toDetectionMethod, type IncidentInput } from '../../workflows/types';
import type { UseCaseContext } from './context';
import type { Db, Tx } from '../../store/connection';
import { decideAlertTx } from './alert-decision';

export interface ForwardOptions {
  /** Incidents per pass, and alerts per incident per signal; a storm drains in passes of this size. */
  pageSize: number;
  /** Incidents signalled at once. */
  concurrency: number;
  /**
   * Least time between two signals to one incident (ms; 0 or absent: none). In a storm each signal
   * then carries every alert the incident gathered meanwhile, so Temporal and the worker handle a
   * signal and its workflow tasks per linger rather than per alert; a calm incident's first alert
   * still goes at once.
   */
  lingerMs?: number;
  /**
   * The longest linger (ms) an incident reaches while its storm goes on (default `lingerMs`: no growth).
   * Each signal that finds the incident still busy (signalled again within a base linger of its own
   * linger's end) doubles its linger up to this; a base linger with nothing waiting resets it, so a
   * lone alert after quiet goes at once.
   */
  maxLingerMs?: number;
  /**
   * Backlog depth (undelivered alerts) from which every incident lingers no longer than `lingerMs`:
   * long lingers hold alerts in the buffer, and the webhook refuses past its depth, so the forwarder
   * drains first. Absent: no such check.
   */
  lingerBacklogLimit?: number;
  /** Each incident's last signal by this process and the linger it started (kept by runForwarder). */
  lingers?: Map<string, Linger>;
}

/** An incident's last signal by this process and how long it lingers after it. */
export interface Linger {
  at: number;
  ms: number;
}

/**
 * The linger a signal of `sent` alerts starts: double the one before, up to `maxMs`, while the incident
 * stays busy (signalled again soon after its linger ended, with more than one alert gathered); else the
 * base linger, so the stray alert after a storm sets its incident back to prompt delivery.
 */
export function nextLinger(prev: Linger | undefined, sent: number, baseMs: number, maxMs: number): number {
  return prev && sent > 1 ? Math.min(Math.max(maxMs, baseMs), Math.max(prev.ms, baseMs) * 2) : baseMs;
}

/** Marks written together: a crash before they are written only re-sends batches the workflows skip. */
const MARKS_PER_WRITE = 32;

export interface ForwardPass {
  delivered: number;
  redecided: number;
  /** Incidents with waiting alerts left for a later pass because they were signalled within `lingerMs`. */
  lingering: number;
}

/** One pass over the oldest waiting rows. */
export async function forwardAlerts(
  ctx: Pick<UseCaseContext, 'db' | 'gateway'>,
  opts: ForwardOptions,
): Promise<ForwardPass> {
  const incidents = await listIncidentsWithUndeliveredAlerts(ctx.db, opts.pageSize);
  const lingerMs = opts.lingerMs ?? 0;
  const maxLingerMs = Math.max(opts.maxLingerMs ?? lingerMs, lingerMs);
  const lingers = opts.lingers;
  const started = Date.now();
  // Deep backlog: no incident waits longer than the base linger, so the buffer drains before the webhook refuses.
  const capped =
    lingerMs > 0 && maxLingerMs > lingerMs && opts.lingerBacklogLimit !== undefined && incidents.length > 0
      ? (await intakeBacklogDepth(ctx.db)) >= opts.lingerBacklogLimit
      : false;
  // Forgotten once quiet for a base linger past its own: its next alert goes at once, at the base linger.
  if (lingers) for (const [id, l] of lingers) if (started - l.at >= l.ms + lingerMs) lingers.delete(id);
  const lingering = (id: string) => {
    const l = lingers?.get(id);
    return l !== undefined && started - l.at < (capped ? Math.min(l.ms, lingerMs) : l.ms);
  };
  // Only this process's memory: a restarted forwarder signals at once, which the high-water mark makes safe.
  const queue = incidents.map((i) => i.incident_id).filter((id) => !lingering(id));
  const pass: ForwardPass = { delivered: 0, redecided: 0, lingering: incidents.length - queue.length };
  const marks: Array<{ incidentId: string; throughSeq: number }> = [];
  const writeMarks = async () => {
    const now = marks.splice(0);
    if (now.length > 0) await markAlertsDeliveredMany(ctx.db, now, nowIso());
  };
  const work = async () => {
    for (let incidentId = queue.shift(); incidentId; incidentId = queue.shift()) {
      // Another forwarder holding the incident's lease (PostgreSQL, several hosts) delivers its rows: skip
      // it. There the batch is marked inside the lease, so the next holder never signals it again; on
      // SQLite (one forwarder) marks are written for many incidents at once.
      const delivered = await whileForwardingIncident(ctx.db, incidentId, async (on) => {
        const batch = await listUndeliveredAlerts(on, incidentId, opts.pageSize);
        if (batch.length === 0) return { outcome: 'signalled' as const, count: 0, throughSeq: 0 };
        const outcome = await deliverBatch({ db: on, gateway: ctx.gateway }, incidentId, batch);
        const throughSeq = batch[batch.length - 1]!.seq;
        if (outcome === 'signalled' && on.engine === 'postgres')
          await markAlertsDeliveredMany(on, [{ incidentId, throughSeq }], nowIso());
        return { outcome, count: batch.length, throughSeq };
      });
      if (!delivered || delivered.count === 0) continue;
      if (delivered.outcome === 'closed') {
        pass.redecided += await redecideClosed(ctx, incidentId);
        continue;
      }
      pass.delivered += delivered.count;
      if (lingerMs > 0)
        lingers?.set(incidentId, {
          at: Date.now(),
          ms: nextLinger(lingers.get(incidentId), delivered.count, lingerMs, maxLingerMs),
        });
      if (ctx.db.engine === 'sqlite') {
        marks.push({ incidentId, throughSeq: delivered.throughSeq });
        if (marks.length >= MARKS_PER_WRITE) await writeMarks();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, queue.length) }, work));
  } finally {
    await writeMarks();
  }
  return pass;
}

async function deliverBatch(
  ctx: { db: Db | Tx; gateway: UseCaseContext['gateway'] },
  incidentId: string,
  batch: UndeliveredAlertRow[],
): Promise<'signalled' | 'closed'> {
  const incident = await getIncidentOrigin(ctx.db, incidentId);
  if (!incident) throw new Error(`alert rows name incident ${incidentId}, which does not exist`);
  const source = incident.source ?? 'alert';
  const input: IncidentInput = {
    incidentId,
    createdAt: incident.created_at,
    openedBy: { kind: 'webhook', id: source },
    severity: incident.severity as IncidentInput['severity'],
    detectedAt: incident.detected_at,
    // Rows from before the codes were migrated to one (017); the mapping keeps an odd row from reaching history as text.
    detectionMethod: toDetectionMethod(incident.detection_method).code,
    dataCategories: [],
    source,
  };
  const alerts = batch.map((r) => ({ alertId: r.id, seq: r.seq, action: r.action, receivedAt: r.received_at }));
  let outcome: 'signalled' | 'closed' = 'signalled';
  if (incident.workflow_type === INCIDENT_WORKFLOW_V1) {
    // The frozen v1 workflow knows only the one-alert signal, and counts each id once.
    for (const a of alerts) {
      outcome = await ctx.gateway.signalAlert(input, a);
      if (outcome === 'closed') break;
    }
  } else {
    outcome = await ctx.gateway.signalAlertBatch(input, { alerts });
  }
  if (outcome === 'closed') return outcome;
  // The one instant where a forwarder that trusted its own marks would count alerts twice (crash tests, bench:ingest):
  // the caller marks the batch, with others, only after this.
  failpoint('forwarder.signalled');
  return outcome;
}

/** The incident closed while its rows waited: free its key and decide each row again, in order. */
async function redecideClosed(ctx: Pick<UseCaseContext, 'db'>, incidentId: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    await releaseAlertDedupTx(tx, incidentId);
    const rows = await listUndeliveredForIncidentTx(tx, incidentId);
    const now = nowIso();
    for (const row of rows) {
      const decided = await decideAlertTx(
        tx,
        {
          source: row.source,
          dedupKey: row.dedup_key,
          action: row.action,
          summary: row.summary,
          severity: row.severity,
        },
        now,
      );
      // Moved out of the closed incident's sequence first, so its place cannot collide there.
      await reassignAlertTx(tx, row.id, decided?.incidentId ?? null, decided?.seq ?? null);
    }
    return rows.length;
  });
}

/**
 * Runs passes until `signal` aborts: at once while there is work none of which lingers, else after
 * `idleMs`. A pass that fails (Temporal unreachable) is tried again after `idleMs`; the rows stay
 * waiting meanwhile.
 */
export async function runForwarder(
  ctx: Pick<UseCaseContext, 'db' | 'gateway' | 'logger'>,
  opts: ForwardOptions & { idleMs: number; signal: AbortSignal },
): Promise<void> {
  let failures = 0;
  const lingers = new Map<string, Linger>();
  while (!opts.signal.aborted) {
    let busy = false;
    try {
      const pass = await forwardAlerts(ctx, { ...opts, lingers });
      // While incidents linger, the next pass waits `idleMs` rather than listing the backlog again at once.
      busy = pass.delivered + pass.redecided > 0 && pass.lingering === 0;
      if (failures > 0) ctx.logger.info({ failures }, 'alert forwarding works again');
      failures = 0;
    } catch (err) {
      failures++;
      // One line per outage and then one now and again, not one per pass while Temporal is away.
      if (failures === 1 || failures % 50 === 0)
        ctx.logger.warn({ error: (err as Error).message, failures }, 'alert forwarding failed; retrying');
    }
    if (!busy && !opts.signal.aborted) await sleep(retryDelay(failures, opts.idleMs), opts.signal);
  }
}

/** The wait before the next pass: `idleMs` while passes succeed, doubling per failure in a row up to 5 s. */
export function retryDelay(failures: number, idleMs: number): number {
  return failures === 0 ? idleMs : Math.min(5_000, idleMs * 2 ** Math.min(failures, 16));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
