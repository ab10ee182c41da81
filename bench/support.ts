// Shared pieces of the delivery benchmarks: argument parsing, a stand-in in a
// child process, a Temporal dev server on a free port, and peak memory sampling.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startDevServer, type DevServer } from '../bin/dev-server';
import { loadTemporalConfig } from '../temporal.config';
import { freePort } from '../test/support/free-port';
import { forkNotifyWorker, type NotifyWorkerEnv } from '../test/support/notify-worker';
import { findPostgresBin, startPostgresCluster } from '../test/support/postgres';

export function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name}: expected a positive number`);
  return v;
}

export interface StandInProcess {
  url: string;
  ask<T>(msg: object): Promise<T>;
  stop(): void;
}

export async function forkStandIn(args: string[]): Promise<StandInProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'standin-process.ts'), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  return {
    url,
    ask: <T>(msg: object) =>
      new Promise<T>((resolve) => {
        child.once('message', (m) => resolve(m as T));
        child.send(msg);
      }),
    stop: () => child.kill('SIGKILL'),
  };
}

/** The default dev server (file-backed SQLite with WAL), in a temporary directory. */
export async function startBenchTemporal(dataDir: string): Promise<DevServer> {
  const cfg = loadTemporalConfig({
    TEMPORAL_DEV_IP: '127.0.0.1',
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_HEADLESS: 'true',
    TEMPORAL_NAMESPACE: 'default',
    BREACHLINE_DATA_DIR: dataDir,
  });
  return startDevServer(cfg, {});
}

export function sampleRss(): { peakMb: () => number; reset: () => void; stop: () => void } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576),
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    stop: () => clearInterval(t),
  };
}

export function machine(): string {
  return `${os.cpus().length} cores, ${os.arch()}, Node ${process.version}`;
}

/** The notify worker (test/support/notify-worker-process.ts) in its own process, ready to poll. */
export function startWorkerProcess(env: NotifyWorkerEnv): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR=<dir> writes the worker's CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  return forkNotifyWorker(env, profile);
}

/** A process's peak resident memory so far (Linux VmHWM). */
export function peakRssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** A process's CPU time so far, user and system (Linux /proc/<pid>/stat, at the usual 100 ticks a second). */
export function cpuSecondsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in brackets may hold spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `--database sqlite|postgres` (default sqlite). */
export function databaseArg(): 'sqlite' | 'postgres' {
  const i = process.argv.indexOf('--database');
  const value = i > 0 ? process.argv[i + 1] : 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error('--database must be sqlite or postgres');
  return value;
}

/**
 * A PostgreSQL cluster of the machine's binaries for one benchmark run, with PostgreSQL's durability
 * defaults (fsync, synchronous commit) kept so the figures are a deployment's, and one empty database.
 */
export async function startBenchPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('--database postgres: no PostgreSQL binaries found (set BREACHLINE_TEST_PG_BIN)');
  const cluster = await startPostgresCluster(bin, { durable: true });
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench').finally(() => admin.end());
  return { url: cluster.adminUrl.replace(/\/postgres$/, '/bench'), stop: () => cluster.stop() };
}

/** CPU time (user + system, ms) a process has used, or undefined once it has exited. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

/**
 * CPU time per named role (several processes may share one, such as restarted forwarders), sampled
 * every 200 ms so a process killed between two marks still counts up to its last sample. The machine
 * is shared with other runs, so CPU time per unit of work is steadier than any rate.
 */
export function sampleCpu(): {
  watch: (role: string, pid: number) => void;
  mark: () => Record<string, number>;
  stop: () => void;
} {
  const last = new Map<number, { role: string; ms: number }>();
  const sample = () => {
    for (const [pid, seen] of last) {
      const ms = cpuMsOf(pid);
      if (ms !== undefined) seen.ms = ms;
    }
  };
  const t = setInterval(sample, 200);
  return {
    watch: (role, pid) => last.set(pid, { role, ms: cpuMsOf(pid) ?? 0 }),
    mark: () => {
      sample();
      const byRole: Record<string, number> = {};
      for (const { role, ms } of last.values()) byRole[role] = (byRole[role] ?? 0) + ms;
      const own = process.cpuUsage();
      byRole.client = (own.user + own.system) / 1000;
      return byRole;
    },
    stop: () => clearInterval(t),
  };
}

/** CPU ms per unit of work per role between two marks, and their total. */
export function cpuPer(
  from: Record<string, number>,
  to: Record<string, number>,
  units: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const role of Object.keys(to)) {
    const ms = (to[role] ?? 0) - (from[role] ?? 0);
    out[role] = Math.round((ms / Math.max(1, units)) * 1000) / 1000;
    total += ms;
  }
  out.total = Math.round((total / Math.max(1, units)) * 1000) / 1000;
  return out;
}
