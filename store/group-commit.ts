// Group commit: write jobs that arrive while a transaction is running wait for it and then share
// the next one, so a storm of small writes (an alert per webhook request) pays for one BEGIN
// IMMEDIATE and one COMMIT per group instead of per request, and takes the database's write lock
// from the other processes (worker, forwarder) a few times a second rather than hundreds. If a
// job fails, the whole group rolls back and each of its jobs runs again in a transaction of its
// own, so the failure reaches only its caller (cheaper than a savepoint per job, since every
// statement is a round trip to SQLite's thread). Every caller hears back only after the commit
// that made its writes durable.
import type { Db, Tx } from './connection';

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export type GroupCommit = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export interface GroupCommitOptions {
  maxJobs?: number;
  /** Runs once per group before its commit: housekeeping that need not run per job. */
  beforeCommit?: (tx: Tx) => Promise<void>;
}

export function createGroupCommit(db: Db, opts: GroupCommitOptions = {}): GroupCommit {
  const maxJobs = opts.maxJobs ?? 256;
  const pending: Job[] = [];
  let running = false;

  const runAlone = async (job: Job) => {
    try {
      job.resolve(
        await db.transaction(async (tx) => {
          const value = await job.fn(tx);
          await opts.beforeCommit?.(tx);
          return value;
        }),
      );
    } catch (error) {
      job.reject(error);
    }
  };

  const runGroup = async (jobs: Job[]) => {
    if (jobs.length === 1) return runAlone(jobs[0]!);
    let values: unknown[];
    try {
      values = await db.transaction(async (tx) => {
        const out: unknown[] = [];
        for (const job of jobs) out.push(await job.fn(tx));
        await opts.beforeCommit?.(tx);
        return out;
      });
    } catch {
      for (const job of jobs) await runAlone(job);
      return;
    }
    values.forEach((v, i) => jobs[i]!.resolve(v));
  };

  const drain = async () => {
    running = true;
    while (pending.length > 0) await runGroup(pending.splice(0, maxJobs));
    running = false;
  };

  return <T>(fn: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void drain();
    });
}
