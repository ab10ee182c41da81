// The fan-out's fault runs at full size (issue 5), one JSON line per scenario:
//   kills    kill -9 of the worker at five random moments;
//   restart  kill -9 of the Temporal dev server, started again on the same port and file;
//   outage   429s with Retry-After, then a 30-second SendGrid outage.
// Each runs the notify workflow on its own file-backed dev server, a worker in its own
// process with the real activities, SQLite outbox and @sendgrid/mail, and the stand-in
// in its own process. Exits non-zero if any scenario breaks its promise.
// `--scenario kills|restart|outage` runs one.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../store/connection';
import {
  notifySubjectsWorkflow,
  notifyWorkflowId,
  DEFAULT_PAGE_SIZE,
  type NotifySubjectsResult,
} from '../workflows/notify-subjects';
import { NOTICE_VERSION, openFixtureDb } from '../test/support/fan-out-fixture';
import { startRestartableTemporal, type RestartableTemporal } from '../test/support/restartable-temporal';
import type { SendGridStandInMode, StandInLogEntry } from '../test/support/sendgrid-standin';
import { retryAfterViolations, sendersOf } from '../test/support/standin-log';
import { argNumber, forkStandIn, machine, startWorkerProcess, type StandInProcess } from './support';
import { importPeople, personEmail } from './import-people';
import { BUNDLE_ENV, buildWorkflowBundle } from '../bin/workflow-bundle';

const API_KEY = 'SG.bench';
const WINDOW = 4;
const KILLS = 5;
// A page held by a dead worker moves on within this; the default (20 s) would make five kills take minutes.
const HEARTBEAT_TIMEOUT_MS = 5000;
// No webhook runs here, so uncertain rows are re-sent after this wait rather than resolved by events.
const UNCERTAIN_WAIT_MS = 5000;
const OUTAGE_MS = 30_000;
const THROTTLED = 8;

// FAULTS_TRACE=1 prints each step to stderr.
const trace = (line: string) => {
  if (process.env.FAULTS_TRACE) console.error(`${new Date().toISOString()} ${line}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;

interface Rig {
  db: Db;
  dir: string;
  dbPath: string;
  temporal: RestartableTemporal;
  standIn: StandInProcess;
  incidentId: string;
  taskQueue: string;
  importSeconds: number;
  /** The workflow code bundled once, as `npm start` hands it to every worker it starts. */
  bundle: string;
}

/** Serialises IPC questions: the stand-in answers in order, one reply per question. */
function asker(standIn: StandInProcess) {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(msg: object): Promise<T> => {
    const p = chain.then(() => standIn.ask<T>(msg));
    chain = p.catch(() => undefined);
    return p;
  };
}

async function withRig<T>(
  name: string,
  recipients: number,
  run: (rig: Rig, ask: ReturnType<typeof asker>) => Promise<T>,
): Promise<T> {
  const { db, dir, dbPath } = await openFixtureDb(`bench-faults-${name}`);
  let temporal: RestartableTemporal | null = null;
  let standIn: StandInProcess | null = null;
  try {
    temporal = await startRestartableTemporal(path.join(dir, 'temporal'));
    standIn = await forkStandIn(['sendgrid', API_KEY]);
    const incidentId = `01JBENCHFAULTS${name.toUpperCase().padEnd(12, '0')}`;
    trace(`${name}: importing ${recipients}`);
    const importSeconds = await importPeople(db, dir, incidentId, recipients);
    trace(`${name}: imported in ${round(importSeconds)} s`);
    const bundle = path.join(dir, 'workflow-bundle.js');
    await buildWorkflowBundle(bundle);
    return await run(
      { db, dir, dbPath, temporal, standIn, incidentId, taskQueue: `bench-faults-${name}`, importSeconds, bundle },
      asker(standIn),
    );
  } finally {
    standIn?.stop();
    await temporal?.stop();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function startWorker(rig: Rig, address = rig.temporal.address): Promise<ChildProcess> {
  return startWorkerProcess({
    [BUNDLE_ENV]: rig.bundle,
    NOTIFY_SENDGRID_KEY: API_KEY,
    NOTIFY_DB: rig.dbPath,
    NOTIFY_SENDGRID_URL: rig.standIn.url,
    NOTIFY_TEMPORAL: address,
    NOTIFY_TASK_QUEUE: rig.taskQueue,
    NOTIFY_UNCERTAIN_WAIT_MS: String(UNCERTAIN_WAIT_MS),
  });
}

async function killWorker(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGKILL');
  await exited;
}

async function startFanOut(rig: Rig): Promise<{ connection: Connection; workflowId: string }> {
  const connection = await Connection.connect({ address: rig.temporal.address });
  const workflowId = notifyWorkflowId(rig.incidentId, NOTICE_VERSION);
  await new Client({ connection }).workflow.start(notifySubjectsWorkflow, {
    workflowId,
    taskQueue: rig.taskQueue,
    args: [
      {
        incidentId: rig.incidentId,
        noticeVersion: NOTICE_VERSION,
        channelPolicy: 'email',
        window: WINDOW,
        heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
      },
    ],
  });
  return { connection, workflowId };
}

async function resultOf(connection: Connection, workflowId: string): Promise<NotifySubjectsResult> {
  return new Client({ connection }).workflow.getHandle<typeof notifySubjectsWorkflow>(workflowId).result();
}

/** Activities of the whole continue-as-new chain that needed more than one attempt (a lost completion, a timed-out page). */
async function retriedActivities(connection: Connection, workflowId: string): Promise<number> {
  const client = new Client({ connection });
  let retried = 0;
  let runId: string | null | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  // Walk back from the last run to the first through each run's first event.
  while (runId) {
    const history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>> =
      await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: NonNullable<typeof history.events> = history.events ?? [];
    retried += events.filter((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1).length;
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
  }
  return retried;
}

async function waitForReceived(ask: ReturnType<typeof asker>, atLeast: number): Promise<number> {
  for (;;) {
    const { received } = await ask<{ received: number }>({ cmd: 'count' });
    if (received >= atLeast) return received;
    await sleep(20);
  }
}

/** What everyone got, against what the outbox says: missing people, duplicates, and who was flagged. */
async function delivery(rig: Rig, ask: ReturnType<typeof asker>, recipients: number) {
  const { distinct, repeated } = await ask<{ distinct: number; repeated: [string, number][] }>({ cmd: 'repeats' });
  const rows = await rig.db.all<{ status: string; possible_duplicate: number; uncertain: number; email: string }>(
    'SELECT o.status, o.possible_duplicate, o.uncertain_at IS NOT NULL AS uncertain, s.email FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ?',
    [rig.incidentId],
  );
  const flagged = new Set(rows.filter((r) => r.possible_duplicate === 1).map((r) => r.email));
  const expected = new Set(Array.from({ length: recipients }, (_, i) => personEmail(i)));
  return {
    received: distinct + repeated.reduce((n, [, c]) => n + c - 1, 0),
    missing: recipients - distinct,
    duplicates: repeated.length,
    maxPerPerson: Math.max(1, ...repeated.map(([, c]) => c)),
    duplicatesNotFlagged: repeated.filter(([e]) => !flagged.has(e)).length,
    strangers: repeated.filter(([e]) => !expected.has(e)).length,
    uncertainRows: rows.filter((r) => r.uncertain === 1).length,
    possibleDuplicateRows: flagged.size,
    notSent: rows.filter((r) => r.status !== 'sent').length,
    outboxRows: rows.length,
    flaggedEmails: flagged,
  };
}

type Checks = Record<string, boolean>;

function report(scenario: string, figures: Record<string, unknown>, checks: Checks): boolean {
  const failed = Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([k]) => k);
  console.log(JSON.stringify({ scenario, ...figures, failed, machine: machine() }));
  return failed.length === 0;
}

async function killsScenario(recipients: number): Promise<boolean> {
  return withRig('kills', recipients, async (rig, ask) => {
    let worker = await startWorker(rig);
    const t = performance.now();
    const { connection, workflowId } = await startFanOut(rig);
    // Rows claimed when a worker died: the requests in flight, whose outcome nobody recorded.
    const inFlightAtKill = new Set<string>();
    const claimedPerKill: number[] = [];
    let kills = 0;
    let done = false;
    const finished = resultOf(connection, workflowId).finally(() => (done = true));
    try {
      while (kills < KILLS && !done) {
        // A random moment once this worker has sent something.
        const { received: before } = await ask<{ received: number }>({ cmd: 'count' });
        let now = before;
        while (now === before && !done) {
          await sleep(20);
          ({ received: now } = await ask<{ received: number }>({ cmd: 'count' }));
        }
        if (done || now >= recipients * 0.9) break;
        await sleep(Math.random() * 1500);
        await killWorker(worker);
        kills++;
        const claimed = await rig.db.all<{ id: string }>(
          "SELECT id FROM outbox WHERE incident_id = ? AND status = 'claimed'",
          [rig.incidentId],
        );
        claimedPerKill.push(claimed.filter((r) => !inFlightAtKill.has(r.id)).length);
        for (const r of claimed) inFlightAtKill.add(r.id);
        worker = await startWorker(rig);
        trace(`kill ${kills} at ${now} received, ${claimedPerKill[claimedPerKill.length - 1]} rows in flight`);
      }
      const result = await finished;
      const seconds = (performance.now() - t) / 1000;
      const d = await delivery(rig, ask, recipients);
      const flaggedIds = await rig.db.all<{ id: string }>(
        'SELECT id FROM outbox WHERE incident_id = ? AND possible_duplicate = 1',
        [rig.incidentId],
      );
      const maxDuplicateBatchPerKill = Math.max(0, ...claimedPerKill);
      return report(
        'kills',
        {
          recipients,
          kills,
          importSeconds: round(rig.importSeconds),
          seconds: round(seconds),
          received: d.received,
          missing: d.missing,
          duplicates: d.duplicates,
          uncertainRows: d.uncertainRows,
          possibleDuplicateRows: d.possibleDuplicateRows,
          claimedPerKill,
          maxDuplicateBatchPerKill,
          result,
        },
        {
          fiveKills: kills === KILLS,
          noneMissing: d.missing === 0 && d.notSent === 0 && d.outboxRows === recipients,
          atMostTwice: d.maxPerPerson <= 2 && d.strangers === 0,
          duplicatesOnlyFlagged: d.duplicatesNotFlagged === 0 && d.duplicates <= d.possibleDuplicateRows,
          flaggedOnlyInFlightAtAKill: flaggedIds.every((r) => inFlightAtKill.has(r.id)),
          // One SendGrid batch at a time per worker (activities/send-gate.ts), from claim to outcome.
          atMostOneBatchInFlightPerKill: claimedPerKill.every((n) => n <= DEFAULT_PAGE_SIZE),
          possibleDuplicatesWithinOneBatchPerKill: d.possibleDuplicateRows <= kills * DEFAULT_PAGE_SIZE,
          resultCounts:
            result.total === recipients &&
            result.sent === recipients &&
            result.uncertain === 0 &&
            result.possibleDuplicates === d.possibleDuplicateRows,
        },
      );
    } finally {
      await killWorker(worker);
      await connection.close();
    }
  });
}

async function restartScenario(recipients: number): Promise<boolean> {
  return withRig('restart', recipients, async (rig, ask) => {
    const worker = await startWorker(rig);
    let workerExit: number | null | undefined;
    worker.once('exit', (code) => (workerExit = code));
    const t = performance.now();
    const first = await startFanOut(rig);
    try {
      await waitForReceived(ask, Math.round(recipients * (0.2 + Math.random() * 0.3)));
      const down = performance.now();
      await rig.temporal.kill();
      const { received: receivedAtKill } = await ask<{ received: number }>({ cmd: 'count' });
      await first.connection.close().catch(() => undefined);
      await sleep(3000);
      // Only the pages already in flight can finish while the server is gone.
      const { received: receivedWhileDown } = await ask<{ received: number }>({ cmd: 'count' });
      await rig.temporal.restart();
      const downSeconds = (performance.now() - down) / 1000;
      trace(
        `restart: ${receivedAtKill} at the kill, ${receivedWhileDown} before the restart, back after ${round(downSeconds)} s`,
      );
      const connection = await Connection.connect({ address: rig.temporal.address });
      try {
        const result = await resultOf(connection, first.workflowId);
        const seconds = (performance.now() - t) / 1000;
        const d = await delivery(rig, ask, recipients);
        const retriedPages = await retriedActivities(connection, first.workflowId);
        return report(
          'restart',
          {
            recipients,
            importSeconds: round(rig.importSeconds),
            seconds: round(seconds),
            downSeconds: round(downSeconds),
            receivedAtKill,
            receivedWhileDown,
            workerSurvived: workerExit === undefined,
            retriedPages,
            received: d.received,
            missing: d.missing,
            duplicates: d.duplicates,
            uncertainRows: d.uncertainRows,
            possibleDuplicateRows: d.possibleDuplicateRows,
            result,
          },
          {
            killedMidway: receivedWhileDown < recipients,
            onlyPagesInFlightWhileDown: receivedWhileDown - receivedAtKill <= WINDOW * DEFAULT_PAGE_SIZE,
            workerReconnectedByItself: workerExit === undefined,
            noneMissing: d.missing === 0 && d.notSent === 0 && d.outboxRows === recipients,
            duplicatesOnlyFlagged: d.duplicatesNotFlagged === 0 && d.maxPerPerson <= 2 && d.strangers === 0,
            resultCounts:
              result.total === recipients &&
              result.sent === recipients &&
              result.uncertain === 0 &&
              result.possibleDuplicates === d.possibleDuplicateRows,
          },
        );
      } finally {
        await connection.close();
      }
    } finally {
      await killWorker(worker);
    }
  });
}

async function outageScenario(recipients: number): Promise<boolean> {
  return withRig('outage', recipients, async (rig, ask) => {
    const worker = await startWorker(rig);
    await ask({
      cmd: 'mode',
      mode: { throttle: { retryAfterSeconds: 2, times: THROTTLED } } satisfies SendGridStandInMode,
    });
    const t = performance.now();
    const { connection, workflowId } = await startFanOut(rig);
    try {
      const receivedAtOutage = await waitForReceived(ask, Math.round(recipients * 0.3));
      const outageEnd = Date.now() + OUTAGE_MS;
      await ask({ cmd: 'mode', mode: { outageUntil: outageEnd } satisfies SendGridStandInMode });
      // The outage starts when the stand-in has taken the mode, not when it was asked: a request
      // accepted while the message crossed the pipe is not one accepted during the outage.
      const outageFrom = Date.now();
      const result = await resultOf(connection, workflowId);
      const seconds = (performance.now() - t) / 1000;
      const d = await delivery(rig, ask, recipients);
      const { log } = await ask<{ log: StandInLogEntry[] }>({ cmd: 'log' });
      const throttled = log.filter((l) => l.status === 429);
      const refused = log.filter((l) => l.status === 503);
      const violations = retryAfterViolations(log);
      const firstAfter = log.find((l) => l.status === 202 && l.at >= outageEnd);
      const max503PerSender = Math.max(0, ...[...sendersOf(refused).values()].map((e) => e.length));
      return report(
        'outage',
        {
          recipients,
          importSeconds: round(rig.importSeconds),
          seconds: round(seconds),
          outageSeconds: OUTAGE_MS / 1000,
          receivedAtOutage,
          throttled: throttled.length,
          retryAfterViolations: violations.length,
          minWaitAfter429Ms: minWaitAfter429(log),
          refused503: refused.length,
          max503PerSender,
          firstAcceptedAfterOutageMs: firstAfter ? firstAfter.at - outageEnd : null,
          received: d.received,
          missing: d.missing,
          duplicates: d.duplicates,
          result,
        },
        {
          outageMidway: receivedAtOutage < recipients,
          throttledAsAsked: throttled.length === THROTTLED,
          retryAfterHonoured: violations.length === 0,
          nothingAcceptedDuringOutage: !log.some((l) => l.status === 202 && l.at >= outageFrom && l.at < outageEnd),
          noneMissing: d.missing === 0 && d.notSent === 0 && d.outboxRows === recipients,
          nobodyTwice: d.duplicates === 0,
          resultCounts:
            result.total === recipients && result.sent === recipients && result.failed === 0 && result.uncertain === 0,
        },
      );
    } finally {
      await killWorker(worker);
      await connection.close();
    }
  });
}

/** The shortest time any throttled sender waited before asking again. */
function minWaitAfter429(log: StandInLogEntry[]): number | null {
  let min: number | null = null;
  for (const entries of sendersOf(log).values()) {
    for (const [i, l] of entries.entries()) {
      const next = entries[i + 1];
      if (l.status === 429 && next) min = Math.min(min ?? Infinity, next.at - l.at);
    }
  }
  return min;
}

async function main() {
  const recipients = argNumber('recipients', 100_000);
  const i = process.argv.indexOf('--scenario');
  const only = i >= 0 ? process.argv[i + 1] : undefined;
  const scenarios: Record<string, (n: number) => Promise<boolean>> = {
    kills: killsScenario,
    restart: restartScenario,
    outage: outageScenario,
  };
  if (only !== undefined && !(only in scenarios))
    throw new Error(`--scenario: one of ${Object.keys(scenarios).join(', ')}`);
  let ok = true;
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && name !== only) continue;
    ok = (await run(recipients)) && ok;
  }
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
