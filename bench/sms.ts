// SMS pacing through the fan-out: N phone-only people sent through the notify
// workflow and the twilio SDK to a stand-in, the sender paced at M segments a
// second. Checks every whole second of the stand-in's receipts against M and
// the mean over the run. One JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createTwilioProvider } from '../activities/providers';
import { createLogger } from '../lib/logger';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../workflows/notify-subjects';
import { NOTICE_VERSION, openFixtureDb, seedIncident, type Person } from '../test/support/fan-out-fixture';
import { argNumber, forkStandIn, machine, startBenchTemporal } from './support';

const SID = `AC${'b'.repeat(32)}`;
const TOKEN = 'bench-twilio-token-0123456789';
const CONCURRENCY = 100;

async function main() {
  const recipients = argNumber('recipients', 100_000);
  const mps = argNumber('mps', 1000);
  Runtime.install({
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (m) => console.error(m),
    },
  });
  const { db, dir } = await openFixtureDb('bench-sms');
  const temporal = await startBenchTemporal(path.join(dir, 'temporal'));
  const standIn = await forkStandIn(['twilio', SID, TOKEN]);
  try {
    const incidentId = '01JBENCHSMS000000000000001';
    const people: Person[] = Array.from({ length: recipients }, (_, i) => ({
      name: i % 7 === 0 ? `李雷${i}` : `Person ${i}`,
      email: null,
      phone: `+1555${String(i).padStart(7, '0')}`,
      locale: i % 7 === 0 ? 'zh-CN' : 'en',
    }));
    await seedIncident(db, incidentId, people);
    const sms = createTwilioProvider({
      accountSid: SID,
      authToken: TOKEN,
      fromNumber: '+14155550100',
      baseUrl: standIn.url,
      timeoutMs: 30_000,
      segmentsPerSecond: mps,
      maxSockets: CONCURRENCY,
    });
    const activities = createActivities({
      db,
      email: sms as never,
      sms,
      logger: createLogger('bench', 'silent'),
      baseUrl: 'http://localhost',
    });
    const nc = await NativeConnection.connect({ address: temporal.address });
    const connection = await Connection.connect({ address: temporal.address });
    const client = new Client({ connection });
    const worker = await Worker.create({
      connection: nc,
      taskQueue: 'bench-sms',
      workflowsPath: require.resolve('../workflows/index.ts'),
      activities,
    });
    const t = performance.now();
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
      taskQueue: 'bench-sms',
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback' }],
    });
    const result = await worker.runUntil(handle.result());
    const seconds = (performance.now() - t) / 1000;
    await nc.close();
    await connection.close();
    const stats = await standIn.ask<{
      received: number;
      distinct: number;
      perSecond: [number, number][];
      first: number;
      last: number;
    }>({ cmd: 'stats' });
    if (result.sent !== recipients || stats.distinct !== recipients)
      throw new Error(`incomplete: ${JSON.stringify({ result, received: stats.received })}`);
    const segments = stats.perSecond.reduce((a, [, n]) => a + n, 0);
    const maxInAnySecond = Math.max(...stats.perSecond.map(([, n]) => n));
    // The mean over the time the stand-in was receiving, first receipt to last.
    const meanPerSecond = segments / Math.max(1, (stats.last - stats.first) / 1000);
    console.log(
      JSON.stringify({
        recipients,
        mps,
        segments,
        seconds: Math.round(seconds * 100) / 100,
        meanSegmentsPerSecond: Math.round(meanPerSecond * 10) / 10,
        meanWithin5Percent: Math.abs(meanPerSecond - mps) <= 0.05 * mps,
        maxSegmentsInAnySecond: maxInAnySecond,
        secondsOverRate: stats.perSecond.filter(([, n]) => n > mps).length,
        machine: machine(),
      }),
    );
  } finally {
    standIn.stop();
    await temporal.stop();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
