// The data-subject fan-out at scale. Imports N people from a CSV (timed apart),
// then times the send through the notify workflow on the default dev server with
// real activities, SQLite outbox and the SendGrid SDK to a stand-in; then a bare
// baseline that reads the same rows, renders the same messages and sends the
// same batches with the same SDK, with no Temporal and no outbox. One JSON line.
// `--workers N` shares the wave between N worker processes on one task queue and one database.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createSendGridProvider } from '../activities/providers';
import { groupEmailBatches } from '../activities/email-batches';
import { HTML_NAME_KEY, nameSubstitutions } from '../activities/send-notice-page';
import { normalizeLocale, RECIPIENT_NAME_TOKEN, type Locale } from '../activities/render';
import { csvRows, storeSubjects } from '../server/use-cases/import-subjects';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../workflows/notify-subjects';
import { NOTICE, NOTICE_VERSION, seedIncident } from '../test/support/fan-out-fixture';
import { PagesPerWorker } from '../test/support/pages-per-worker';
import type { Db } from '../store/connection';
import { noIndex } from '../store/dialect';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrations';
import { BUNDLE_ENV, buildWorkflowBundle } from '../bin/workflow-bundle';
import {
  argNumber,
  databaseArg,
  forkStandIn,
  cpuSecondsOf,
  machine,
  peakRssMbOf,
  startBenchPostgres,
  startBenchTemporal,
  startWorkerProcess,
} from './support';

const API_KEY = 'SG.bench';
const WINDOW = 4;

async function main() {
  const recipients = argNumber('recipients', 100_000);
  const workerCount = argNumber('workers', 1);
  if (!Number.isInteger(workerCount)) throw new Error('--workers: expected a whole number');
  const database = databaseArg();
  const postgres = database === 'postgres' ? await startBenchPostgres() : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-bench-fanout-'));
  // The worker process opens the same database: the SQLite file, or the PostgreSQL URL.
  const dbPath = postgres ? postgres.url : path.join(dir, 'breachline.sqlite');
  const db = await openDatabase(postgres ? { dbPath: '', databaseUrl: postgres.url } : { dbPath });
  await migrate(db);
  const devServer = await startBenchTemporal(path.join(dir, 'temporal'));
  const standIn = await forkStandIn(['sendgrid', API_KEY]);
  // Killed on the way out whatever happened, so a failed run leaves no worker polling.
  let workers: ChildProcess[] = [];
  try {
    const incidentId = '01JBENCHFANOUT000000000001';
    await seedIncident(db, incidentId, []);

    const csvPath = path.join(dir, 'people.csv');
    const out = fs.createWriteStream(csvPath);
    out.write('name,email,phone,jurisdiction,locale\n');
    for (let i = 0; i < recipients; i++) {
      if (!out.write(`Person ${i},person${i}@example.org,,${i % 2 ? 'DE' : 'US-CA'},${i % 7 === 0 ? 'zh-CN' : 'en'}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));

    let t = performance.now();
    const imported = await storeSubjects(db, incidentId, csvRows(fs.createReadStream(csvPath)), 'bench');
    const importSeconds = (performance.now() - t) / 1000;
    if (imported.imported !== recipients)
      throw new Error(
        `imported ${imported.imported} of ${recipients}: ${JSON.stringify(imported.rejected.slice(0, 3))}`,
      );

    const email = createSendGridProvider({
      apiKey: API_KEY,
      fromEmail: 'notices@breachline.example',
      baseUrl: standIn.url,
      timeoutMs: 30_000,
    });
    // Each worker runs in its own process, as in production, so its peak memory is its own (VmHWM).
    const taskQueue = 'bench-fanout';
    // As `npm start` does: the workflow code bundled beforehand, so the worker never holds webpack.
    const bundle = path.join(dir, 'workflow-bundle.js');
    await buildWorkflowBundle(bundle);
    const started = await Promise.allSettled(
      Array.from({ length: workerCount }, () =>
        startWorkerProcess({
          [BUNDLE_ENV]: bundle,
          NOTIFY_SENDGRID_KEY: API_KEY,
          NOTIFY_DB: dbPath,
          NOTIFY_SENDGRID_URL: standIn.url,
          NOTIFY_TEMPORAL: devServer.address,
          NOTIFY_TASK_QUEUE: taskQueue,
          NOTIFY_UNCERTAIN_WAIT_MS: String(15 * 60_000),
        }),
      ),
    );
    workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    // CPU spent before the wave (loading, connecting) is not the wave's.
    const cpuBefore = workers.map((w) => cpuSecondsOf(w.pid!));
    const connection = await Connection.connect({ address: devServer.address });
    const client = new Client({ connection });
    const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);

    t = performance.now();
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId,
      taskQueue,
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'email', window: WINDOW }],
    });
    const result = await handle.result();
    const seconds = (performance.now() - t) / 1000;
    const peakRssMbPerWorker = workers.map((w) => peakRssMbOf(w.pid!));
    const cpuSecondsPerWorker = workers.map((w, i) => round(cpuSecondsOf(w.pid!) - cpuBefore[i]!));
    const pids = workers.map((w) => w.pid!);
    await Promise.all(workers.map(stopWorker));
    const sent = await standIn.ask<{
      received: number;
      distinct: number;
      once: number;
      more: number;
      requests: number;
    }>({ cmd: 'stats' });
    if (result.sent !== recipients || sent.once !== recipients)
      throw new Error(`fan-out incomplete: ${JSON.stringify({ result, sent })}`);

    let maxHistoryEventsPerRun = 0;
    let runs = 0;
    const split = new PagesPerWorker();
    let runId: string | null | undefined = handle.firstExecutionRunId;
    while (runId) {
      const h: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>> = await client.workflow
        .getHandle(workflowId, runId)
        .fetchHistory();
      const events: NonNullable<typeof h.events> = h.events ?? [];
      maxHistoryEventsPerRun = Math.max(maxHistoryEventsPerRun, events.length);
      split.add(events);
      runs++;
      runId = events[events.length - 1]?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    await connection.close();
    // Which worker sent what, from the identity (pid@host) each page activity was started by.
    const sentPerWorker = pids.map((pid) => split.of(pid).sent);
    const pagesPerWorker = pids.map((pid) => split.of(pid).pages);
    if (sentPerWorker.reduce((a, b) => a + b, 0) !== recipients)
      throw new Error(`pages' sends do not add up: ${JSON.stringify(split.byIdentity)}`);

    await standIn.ask({ cmd: 'reset' });
    t = performance.now();
    await baseline(db, incidentId, email);
    const baselineSeconds = (performance.now() - t) / 1000;
    const again = await standIn.ask<{ once: number }>({ cmd: 'stats' });
    if (again.once !== recipients) throw new Error(`baseline incomplete: ${again.once}`);

    const perSecond = Math.round(recipients / seconds);
    const baselinePerSecond = Math.round(recipients / baselineSeconds);
    console.log(
      JSON.stringify({
        database,
        recipients,
        workers: workerCount,
        importSeconds: round(importSeconds),
        seconds: round(seconds),
        perSecond,
        baselinePerSecond,
        ratio: round(perSecond / baselinePerSecond),
        maxHistoryEventsPerRun,
        runs,
        requests: sent.requests,
        peakRssMb: Math.max(...peakRssMbPerWorker),
        ...(workerCount > 1 ? { sentPerWorker, pagesPerWorker, peakRssMbPerWorker } : {}),
        cpuSecondsPerWorker,
        machine: machine(),
      }),
    );
  } finally {
    for (const w of workers) w.kill('SIGKILL');
    standIn.stop();
    await devServer.stop();
    await db.close();
    await postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same rows, rendering and batches with the same SDK, as fast as a bare loop with the same concurrency can. */
async function baseline(db: Db, incidentId: string, email: ReturnType<typeof createSendGridProvider>) {
  const bounds = (await db.get<{ lo: number; hi: number }>(
    'SELECT MIN(id) AS lo, MAX(id) AS hi FROM subjects WHERE incident_id = ?',
    [incidentId],
  ))!;
  let cursor = bounds.lo;
  const lane = async () => {
    while (cursor <= bounds.hi) {
      const from = cursor;
      cursor += 1000;
      const rows = await db.all<{ id: number; name: string | null; email: string; locale: string }>(
        // The same page read the worker makes (by rowid range; see store/outbox-pages.ts).
        `SELECT id, name, email, locale FROM subjects WHERE ${noIndex(db, 'incident_id')} = ? AND id BETWEEN ? AND ? ORDER BY id`,
        [incidentId, from, from + 999],
      );
      for (const batch of groupEmailBatches(rows.map((r) => ({ ...r, locale: normalizeLocale(r.locale) })))) {
        const n = NOTICE[batch.locale as keyof typeof NOTICE];
        await email.sendEmailBatch({
          subject: n.subject,
          html: n.html.split(RECIPIENT_NAME_TOKEN).join(HTML_NAME_KEY),
          text: n.text,
          categories: ['breach-notice'],
          recipients: batch.rows.map((r) => ({
            to: r.email,
            substitutions: nameSubstitutions(r.name, batch.locale as Locale),
            customArgs: { outboxId: String(r.id), incidentId },
          })),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
}

async function stopWorker(worker: ChildProcess) {
  if (process.env.BENCH_PROFILE_DIR) {
    // A profile is written only on a clean exit.
    const exited = new Promise((r) => worker.once('exit', r));
    worker.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  worker.kill('SIGKILL');
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
