// A time-skipping Temporal test server with a real database (the run's engine, see test-db.ts) and a worker running the
// real activities against the local outbox providers: what the time-skipping workflow
// tests share. Time moves only in env.sleep, so waits on the database poll in real time.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createProviders } from '../../activities/providers';
import { createMailboxStore } from '../../activities/mailbox-store';
import { createLogger } from '../../lib/logger';
import { timeSkippingServerPath } from './temporal-env';
import { openTestDb } from './test-db';
import { testWorkflowSource } from './workflow-bundle';

export interface TimeskipWorld {
  env: TestWorkflowEnvironment;
  db: Db;
  /** A worker on this server with the real activities; workflows from the given file (default: all of ours). */
  worker(taskQueue: string, workflowsPath?: string): Promise<Worker>;
  close(): Promise<void>;
}

export async function openTimeskipWorld(label: string): Promise<TimeskipWorld> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
  });
  const testDb = await openTestDb(undefined, label);
  const db = testDb.db;
  return {
    env,
    db,
    worker(taskQueue, workflowsPath) {
      const local = createProviders({}, createMailboxStore(db));
      return Worker.create({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        ...(workflowsPath ? { workflowsPath } : testWorkflowSource()),
        activities: createActivities({
          db,
          email: local.email,
          sms: local.sms,
          logger: createLogger('test', 'silent'),
          baseUrl: 'http://localhost:3000',
        }),
      });
    },
    async close() {
      await env.teardown();
      await testDb.drop();
    },
  };
}

/** Polls until `ok` holds, in real time; fails naming what it waited for and what it last read. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
