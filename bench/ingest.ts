// The alert intake through a storm (issue 16). Starts a Temporal dev server on a free port and
// the app's real processes against it (bin/web.ts, bin/worker.ts, bin/forwarder.ts), then:
//   closed loop  --alerts signed alerts (our HMAC) over --keys dedup keys, --concurrency in flight:
//                alertsPerSecond is the accepted (202) rate;
//   open loop    alerts offered at --rate a second for five seconds, whatever the answers take:
//                p50Ms and p99Ms, measured from each request's scheduled instant;
//   raw          signalWithStart from the TS client, --concurrency in flight, on the same server:
//                rawSignalWithStartPerSecond, and ratio = alertsPerSecond / raw;
//   drain        until every accepted alert is applied by its workflow (drainSeconds), then
//                lost and duplicated per incident from the read model, and incidents.
// `--kill-forwarder N` runs the first N forwarders with the failpoint `forwarder.signalled`
// armed, so each dies by SIGKILL between a batch's signal and its mark; a new one starts at once.
// `--database postgres` puts the app's records in a PostgreSQL cluster started in the run's temp dir
// (Debian's binaries, durability defaults kept) instead of the SQLite file.
// Prints one JSON line (with "database"). Not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { buildWorkflowBundle, BUNDLE_ENV } from '../bin/workflow-bundle';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../store/database';
import { signPayload } from '../server/webhooks/signature';
import { alertBatchSignal, INCIDENT_WORKFLOW } from '../workflows/incident/messages';
import { freePort } from '../test/support/free-port';
import { argNumber, cpuPer, databaseArg, machine, sampleCpu, startBenchPostgres, startBenchTemporal } from './support';

const SECRET = 'bench-ingest-secret-0123456789abcdef';
const ADMIN_TOKEN = 'bench-ingest-admin-token-0123456789';
const OPEN_LOOP_SECONDS = 5;
const RAW_SIGNALS = 3000;
const REPO = path.join(__dirname, '..');

const alerts = argNumber('alerts', 20_000);
const keys = argNumber('keys', 200);
const concurrency = argNumber('concurrency', 64);
const rate = argNumber('rate', 1000);
const kills = process.argv.includes('--kill-forwarder') ? argNumber('kill-forwarder', 3) : 0;
const database = databaseArg();
// The web process alone, no worker and no forwarder: what the intake can accept on this machine when
// nothing else of the pipeline competes for its cores (the ceiling the full run is measured against).
const intakeOnly = process.argv.includes('--intake-only');

const trace = (line: string) => {
  if (process.env.INGEST_TRACE) console.error(`${new Date().toISOString()} ${line}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 100) / 100;

function startScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // INGEST_PROFILE_DIR=<dir> writes each process's CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.INGEST_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INGEST_PROFILE_DIR}/${path.basename(script, '.ts')}`]
    : [];
  // Their output goes to stderr so that stdout carries only the JSON line.
  return spawn(process.execPath, [...profile, '--import', 'tsx', path.join(REPO, script)], {
    cwd: REPO,
    env,
    stdio: ['ignore', 2, 2],
  });
}

// node:http with kept-alive sockets rather than fetch: the client shares the machine's two cores
// with the processes under test, and undici's fetch cost it about as much CPU per alert as the web.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let sent = 0;
async function postAlert(baseUrl: string, key: number): Promise<{ status: number; ms: number }> {
  const n = sent++;
  const body = JSON.stringify({ dedupKey: `bench-key-${key}`, summary: `Bench alert ${n}`, severity: 'high' });
  const started = performance.now();
  const status = await new Promise<number>((resolve) => {
    const req = http.request(
      `${baseUrl}/webhooks/alerts/bench`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-breachline-signature': signPayload(SECRET, body, Math.floor(Date.now() / 1000)),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    // A connection the server reset under the open loop's pile of requests: counted as failed, not accepted.
    req.on('error', () => resolve(0));
    req.end(body);
  });
  return { status, ms: performance.now() - started };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-bench-ingest-'));
  const temporal = await startBenchTemporal(dir);
  const postgres = database === 'postgres' ? await startBenchPostgres() : undefined;
  const databaseUrl = postgres?.url;
  const children = new Set<ChildProcess>();
  const cpu = sampleCpu();
  cpu.watch('temporal', temporal.pid);
  let stopping = false;
  try {
    const bundle = path.join(dir, 'workflow-bundle.js');
    await buildWorkflowBundle(bundle);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BREACHLINE_DATA_DIR: dir,
      BREACHLINE_ADMIN_TOKEN: ADMIN_TOKEN,
      BREACHLINE_WEBHOOK_SECRETS: `bench:${SECRET}`,
      BREACHLINE_LOG_LEVEL: 'error',
      // Deep enough that the storm is never refused: refusals are counted, but this measures the intake.
      BREACHLINE_INTAKE_MAX_BACKLOG: String(Math.max(10_000, alerts * 2)),
      ...(databaseUrl
        ? {
            BREACHLINE_DATABASE_URL: databaseUrl,
            BREACHLINE_SECRETS_KEY: randomBytes(32).toString('base64'),
            BREACHLINE_PAYLOAD_KEY: randomBytes(32).toString('base64'),
          }
        : {}),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'bench-ingest',
      [BUNDLE_ENV]: bundle,
    };
    const baseUrl = `http://127.0.0.1:${port}`;
    const web = startScript('bin/web.ts', env);
    children.add(web);
    cpu.watch('web', web.pid!);
    if (!intakeOnly) {
      const worker = startScript('bin/worker.ts', env);
      children.add(worker);
      cpu.watch('worker', worker.pid!);
    }

    let forwarderDeaths = 0;
    const startForwarder = () => {
      const armed = forwarderDeaths < kills;
      // The nth signalled batch, varied so each death falls at a different point of the drain.
      const fenv = armed ? { ...env, BREACHLINE_FAILPOINT: `forwarder.signalled:${20 + forwarderDeaths * 37}` } : env;
      const child = startScript('bin/forwarder.ts', fenv);
      children.add(child);
      cpu.watch('forwarder', child.pid!);
      child.once('exit', (_code, signal) => {
        children.delete(child);
        if (stopping) return;
        if (signal === 'SIGKILL') forwarderDeaths++;
        trace(`forwarder exited (${signal ?? _code}); deaths ${forwarderDeaths}`);
        startForwarder();
      });
    };
    if (!intakeOnly) startForwarder();

    for (const until = Date.now() + 120_000; ;) {
      const ok = await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > until) throw new Error('the web process did not answer /healthz within 120 s');
      await sleep(200);
    }
    trace('web is up');

    let accepted = 0;
    let refused = 0;
    let failed = 0;
    const count = (status: number) => {
      if (status === 202) accepted++;
      else if (status === 503 || status === 429) refused++;
      else failed++;
    };

    // Closed loop.
    let next = 0;
    const cpuStart = cpu.mark();
    const closedStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < alerts; i = next++) count((await postAlert(baseUrl, i % keys)).status);
      }),
    );
    const closedSeconds = (performance.now() - closedStart) / 1000;
    const cpuClosed = cpu.mark();
    const closedAccepted = accepted;
    const alertsPerSecond = accepted / closedSeconds;
    trace(`closed loop: ${accepted} accepted in ${round(closedSeconds)} s`);

    // Open loop: each request starts at its scheduled instant, and its latency counts from there.
    const offered = Math.round(rate * OPEN_LOOP_SECONDS);
    const latencies: number[] = [];
    const openStart = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < offered; i++) {
      const at = openStart + (i * 1000) / rate;
      const wait = at - performance.now();
      if (wait > 1) await sleep(wait);
      inFlight.push(
        postAlert(baseUrl, i % keys).then((r) => {
          count(r.status);
          latencies.push(performance.now() - at);
        }),
      );
    }
    await Promise.all(inFlight);
    latencies.sort((a, b) => a - b);
    trace(`open loop: ${offered} offered`);
    const drainStart = performance.now();
    const cpuRawStart = cpu.mark();

    // Raw baseline on the same server, its own task queue (nobody polls it: this is the server's cost).
    const connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection, namespace: 'default' });
    let rawNext = 0;
    const rawStart = performance.now();
    const now = new Date().toISOString();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = rawNext++; i < RAW_SIGNALS; i = rawNext++) {
          await client.workflow.signalWithStart(INCIDENT_WORKFLOW, {
            workflowId: `raw-${i % keys}`,
            taskQueue: 'bench-raw',
            args: [{ incidentId: `raw-${i % keys}`, createdAt: now }],
            signal: alertBatchSignal,
            signalArgs: [{ alerts: [{ alertId: `raw-${i}`, seq: i, action: 'trigger', receivedAt: now }] }],
          });
        }
      }),
    );
    const rawPerSecond = RAW_SIGNALS / ((performance.now() - rawStart) / 1000);
    trace(`raw: ${round(rawPerSecond)}/s`);
    const cpuRawEnd = cpu.mark();

    // Drain: every accepted alert applied by its workflow (the read model's alert count).
    const db = await openDatabase({ dbPath: path.join(dir, 'breachline.sqlite'), databaseUrl });
    if (intakeOnly) {
      const committed = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n;
      await db.close();
      await connection.close();
      console.log(
        JSON.stringify({
          database,
          mode: 'intake-only',
          alerts,
          keys,
          alertsPerSecond: round(alertsPerSecond),
          p50Ms: round(percentile(latencies, 50)),
          p99Ms: round(percentile(latencies, 99)),
          rawSignalWithStartPerSecond: round(rawPerSecond),
          ratio: round(alertsPerSecond / rawPerSecond),
          // Accepted (202) without a committed row: the one loss the intake alone can have.
          lost: Math.max(0, accepted - committed),
          committed,
          refused,
          failed,
          cpuMsPerAlertClosedLoop: cpuPer(cpuStart, cpuClosed, closedAccepted),
          loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
          machine: machine(),
        }),
      );
      return;
    }
    type Row = { id: string; expected: number; applied: number };
    const perIncident = () =>
      db.all<Row>(
        `SELECT i.id, i.alert_count AS applied, (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id) AS expected
         FROM incidents i`,
      );
    let rows: Row[] = [];
    for (const until = Date.now() + 900_000; Date.now() < until;) {
      rows = await perIncident();
      const backlog = (await db.get<{ depth: number }>('SELECT depth FROM intake_backlog WHERE id = 1'))!.depth;
      if (backlog === 0 && rows.every((r) => r.applied >= r.expected)) break;
      trace(`draining: backlog ${backlog}, applied ${rows.reduce((s, r) => s + r.applied, 0)} of ${accepted}`);
      await sleep(500);
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const cpuEnd = cpu.mark();
    // The whole run less the raw baseline (Temporal's work for it is not the pipeline's).
    const cpuPipeline: Record<string, number> = {};
    for (const role of Object.keys(cpuEnd))
      cpuPipeline[role] = (cpuEnd[role] ?? 0) - ((cpuRawEnd[role] ?? 0) - (cpuRawStart[role] ?? 0));
    const rowsTotal = rows.reduce((s, r) => s + r.expected, 0);
    const appliedOnce = rows.reduce((s, r) => s + Math.min(r.applied, r.expected), 0);
    const duplicated = rows.reduce((s, r) => s + Math.max(0, r.applied - r.expected), 0);
    await db.close();
    // What Temporal and the worker paid per incident: signals, workflow tasks and history events of its
    // current run (the storm's alerts per signal decide most of their CPU per alert).
    const histories = await Promise.all(
      rows.map((r) =>
        client.workflow
          .getHandle(`incident-${r.id}`)
          .fetchHistory()
          .then((h) => h.events ?? []),
      ),
    );
    const mean = (f: (events: (typeof histories)[number]) => number) =>
      round(histories.reduce((sum, events) => sum + f(events), 0) / Math.max(1, histories.length));
    const historyPerIncident = {
      signals: mean((ev) => ev.filter((e) => e.workflowExecutionSignaledEventAttributes).length),
      workflowTasks: mean((ev) => ev.filter((e) => e.workflowTaskCompletedEventAttributes).length),
      activityTasks: mean((ev) => ev.filter((e) => e.activityTaskScheduledEventAttributes).length),
      historyEvents: mean((ev) => ev.length),
    };
    await connection.close();

    console.log(
      JSON.stringify({
        database,
        alerts,
        keys,
        alertsPerSecond: round(alertsPerSecond),
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        rawSignalWithStartPerSecond: round(rawPerSecond),
        ratio: round(alertsPerSecond / rawPerSecond),
        incidents: rows.length,
        // Accepted (202) but never applied, whether its row or its delivery went missing.
        lost: accepted - appliedOnce,
        committed: rowsTotal,
        duplicated,
        refused,
        failed,
        drainSeconds: round(drainSeconds),
        forwarderKills: forwarderDeaths,
        historyPerIncident,
        // CPU ms per alert per process: during the closed loop (per accepted alert), and over the whole
        // run but the raw baseline, drain included (per committed alert).
        cpuMsPerAlertClosedLoop: cpuPer(cpuStart, cpuClosed, closedAccepted),
        cpuMsPerAlertWholeRun: cpuPer(cpuStart, cpuPipeline, rowsTotal),
        loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
        machine: machine(),
      }),
    );
  } finally {
    stopping = true;
    cpu.stop();
    // SIGTERM first so a profiled process writes its profile; the processes stop on it.
    for (const child of children) child.kill(process.env.INGEST_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
    if (process.env.INGEST_PROFILE_DIR) await sleep(5000);
    await temporal.stop();
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
