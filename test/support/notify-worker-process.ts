// A worker in its own process for the crash tests: real activities on the given
// database (SQLite file or PostgreSQL URL), the SendGrid and Twilio SDKs pointed at the test's stand-ins. Configured by
// environment so the test can kill -9 it and start another just the same.
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { openDatabase } from '../../store/database';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider, createTwilioVoiceProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { workflowSource } from '../../bin/workflow-bundle';

async function main() {
  const env = (k: string) => {
    const v = process.env[k];
    if (!v) throw new Error(`${k}: required`);
    return v;
  };
  Runtime.install({
    logger: { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  // A SQLite file or a postgres:// URL (openFixtureDb's dbPath).
  const target = env('NOTIFY_DB');
  const db = await openDatabase(/^postgres/.test(target) ? { dbPath: '', databaseUrl: target } : { dbPath: target });
  const email = createSendGridProvider({
    apiKey: process.env.NOTIFY_SENDGRID_KEY ?? 'SG.key',
    fromEmail: 'notices@breachline.example',
    baseUrl: env('NOTIFY_SENDGRID_URL'),
    timeoutMs: 5000,
  });
  // SMS at the product's default rate unless the test says otherwise.
  const sms = process.env.NOTIFY_TWILIO_URL
    ? createTwilioProvider({
        accountSid: env('NOTIFY_TWILIO_SID'),
        authToken: env('NOTIFY_TWILIO_TOKEN'),
        fromNumber: '+14155550100',
        baseUrl: process.env.NOTIFY_TWILIO_URL,
        timeoutMs: 5000,
        segmentsPerSecond: Number(process.env.NOTIFY_SMS_RATE ?? 1),
      })
    : (email as never);
  // Telephone calls at the Twilio stand-in too, without status callbacks (a placed call is final).
  const calls = process.env.NOTIFY_TWILIO_URL
    ? createTwilioVoiceProvider({
        accountSid: env('NOTIFY_TWILIO_SID'),
        authToken: env('NOTIFY_TWILIO_TOKEN'),
        fromNumber: '+14155550100',
        baseUrl: process.env.NOTIFY_TWILIO_URL,
        timeoutMs: 5000,
        callsPerSecond: 10,
      })
    : undefined;
  const activities = createActivities({
    db,
    email,
    sms,
    calls,
    logger: createLogger('worker', 'silent'),
    baseUrl: 'http://localhost',
    uncertainWaitMs: Number(env('NOTIFY_UNCERTAIN_WAIT_MS')),
  });
  const connection = await NativeConnection.connect({ address: env('NOTIFY_TEMPORAL') });
  const worker = await Worker.create({
    connection,
    taskQueue: env('NOTIFY_TASK_QUEUE'),
    ...workflowSource(),
    activities,
    shutdownGraceTime: '1 second',
    // A killed worker's sticky queue would hold the wave's next workflow task for the default 10 s.
    stickyQueueScheduleToStartTimeout: '1 second',
  });
  process.send?.('ready');
  await worker.run();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
