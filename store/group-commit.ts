// Group commit: write jobs that arrive while a transaction is running wait for it and then share
// the next one, so a storm of small writes (an alert per webhook request) pays for one BEGIN
// IMMEDIATE and one COMMIT per group instead of per request, and takes the database's write lock
// from the other processes (worker, forwarder) a few times a second rather than hundreds. Each
// job runs in its own savepoint: one that fails is undone alone and its caller gets the error;
// every job's caller hears back only after the commit that made its writes durable.
import type { Db, Tx } from './connection';

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommit = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export function createGroupCommit(db: Db, maxJobs = 256): GroupCommit {
  const pending: Job[] = [];
  let running = false;

  const runGroup = async (jobs: Job[]) => {
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction(async (tx) => {
        const out: Outcome[] = [];
        for (const job of jobs) {
          await tx.run('SAVEPOINT job');
          try {
            out.push({ ok: true, value: await job.fn(tx) });
            await tx.run('RELEASE job');
          } catch (error) {
            await tx.run('ROLLBACK TO job');
            await tx.run('RELEASE job');
            out.push({ ok: false, error });
          }
        }
        return out;
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? jobs[i]!.resolve(o.value) : jobs[i]!.reject(o.error)));
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
