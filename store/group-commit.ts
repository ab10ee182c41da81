// Group commit: write jobs that arrive while a transaction is running wait for it and then share
// the next one, so a storm of small writes (an alert per webhook request) pays for one BEGIN
// IMMEDIATE and one COMMIT per group instead of per request, and takes the database's write lock
// from the other processes (worker, forwarder) a few times a second rather than hundreds. If a
// group fails, it rolls back and each of its items runs again in a transaction of its own, so the
// failure reaches only its caller (cheaper than a savepoint per item, since every statement is a
// round trip to SQLite's thread). Every caller hears back only after the commit that made its
// writes durable.
//
// createBatchCommit hands the whole group to one function, which can write it in a few
// statements over all its items (the alert intake); createGroupCommit runs a function per job.
import type { Db, Tx } from './connection';

interface Pending<I> {
  item: I;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** `write` gets every item of a group, in arrival order, and returns one value per item. */
export type BatchWrite<I, O> = (tx: Tx, items: I[]) => Promise<O[]>;

export function createBatchCommit<I, O>(
  db: Db,
  write: BatchWrite<I, O>,
  opts: { maxItems?: number } = {},
): (item: I) => Promise<O> {
  const maxItems = opts.maxItems ?? 256;
  const pending: Pending<I>[] = [];
  let running = false;

  const runGroup = async (group: Pending<I>[]) => {
    let values: O[];
    try {
      values = await db.transaction((tx) =>
        write(
          tx,
          group.map((p) => p.item),
        ),
      );
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const p of group) await runGroup([p]);
      return;
    }
    values.forEach((v, i) => group[i]!.resolve(v));
  };

  const drain = async () => {
    running = true;
    while (pending.length > 0) await runGroup(pending.splice(0, maxItems));
    running = false;
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve: resolve as (v: unknown) => void, reject });
      if (!running) void drain();
    });
}

export type GroupCommit = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export interface GroupCommitOptions {
  maxJobs?: number;
  /** Runs once per group before its commit: housekeeping that need not run per job. */
  beforeCommit?: (tx: Tx) => Promise<void>;
}

export function createGroupCommit(db: Db, opts: GroupCommitOptions = {}): GroupCommit {
  const submit = createBatchCommit<(tx: Tx) => Promise<unknown>, unknown>(
    db,
    async (tx, jobs) => {
      const out: unknown[] = [];
      for (const job of jobs) out.push(await job(tx));
      await opts.beforeCommit?.(tx);
      return out;
    },
    { maxItems: opts.maxJobs },
  );
  return <T>(fn: (tx: Tx) => Promise<T>) => submit(fn) as Promise<T>;
}
