// Runs Breachline as real child processes for end-to-end tests: the whole app
// (`bin/start.ts`, the supervisor with its own Temporal dev server, worker and web
// server) on free loopback ports and a temp data dir, or single scripts
// (`bin/worker.ts`, `bin/web.ts`) for tests that need to stop one part alone.
//
// The supervisor puts every child in its own process group (so a terminal Ctrl-C
// reaches only the supervisor), so a signal to the supervisor's group does not reach
// the dev server, worker or web server. Killing "the whole app" therefore walks the
// process tree in /proc and signals every process in it; nothing is left holding a
// port, even when the supervisor itself is SIGKILLed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';
import type { Engine } from '../../store/connection';
import { appDatabase, type AppDatabase } from './app-database';
import { freePort } from './free-port';
import { defaultTestEngine } from './test-db';
import { BUNDLE_ENV } from '../../bin/workflow-bundle';
import { sharedWorkflowBundle } from './workflow-bundle';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopResult extends ExitInfo {
  /** Milliseconds from the signal to the exit of the process we started. */
  ms: number;
  /** Descendants still alive after that exit (they were then SIGKILLed). Empty for a clean stop. */
  leftovers: { pid: number; command: string }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- Process trees from /proc (Linux) ----

function readStat(pid: number): { ppid: number; pgid: number; state: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; the rest follows the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0]!, ppid: Number(rest[1]), pgid: Number(rest[2]) };
  } catch {
    return null;
  }
}

export function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 300);
  } catch {
    return '?';
  }
}

/** Alive means present and not a zombie (a zombie holds no ports or files, and PID 1 in a container may never reap it). */
export function isAlive(pid: number): boolean {
  const s = readStat(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

/** Every live descendant of `root`, parents before children. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const s = readStat(pid);
    if (!s || s.state === 'Z') continue;
    const list = children.get(s.ppid);
    if (list) list.push(pid);
    else children.set(s.ppid, [pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/**
 * Live processes in any of `groups`, whatever their parent. A process orphaned by its parent's
 * death is re-parented to init and drops out of descendantsOf, but keeps the group it was born in.
 */
export function membersOfGroups(groups: Iterable<number>): number[] {
  const wanted = new Set(groups);
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = readStat(Number(entry));
    if (s && s.state !== 'Z' && s.state !== 'X' && wanted.has(s.pgid)) out.push(Number(entry));
  }
  return out;
}

/** The process group of `pid`, or null once it is gone. */
export function processGroupOf(pid: number): number | null {
  return readStat(pid)?.pgid ?? null;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILLs every given process and its process group; synchronous so it also works in an 'exit' handler. */
function killAllSync(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // not a group leader, or gone
    }
    signalPid(pid, 'SIGKILL');
  }
}

async function waitUntilGone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await sleep(50);
  }
}

// ---- Ports ----

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function waitForPortsFree(ports: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy: number[] = [];
    for (const p of ports) if (!(await isPortFree(p))) busy.push(p);
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`ports still in use after ${timeoutMs} ms: ${busy.join(', ')}`);
    await sleep(100);
  }
}

// ---- One child process and its tree ----

export interface ManagedProcess {
  name: string;
  pid: number;
  exited: Promise<ExitInfo>;
  running(): boolean;
  /** Everything the process printed, stdout and stderr interleaved by line. */
  logs(): string;
  /** Resolves once a printed line matches; rejects when the process exits first or the time is up. */
  waitForLine(pattern: RegExp, timeoutMs: number, fromLine?: number): Promise<string>;
  lineCount(): number;
  /** Sends `signal` to the process group, waits for the exit, then SIGKILLs any descendant left. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<StopResult>;
  /** SIGKILL to every process in the tree at once, as a crash or an OOM kill would do. */
  kill9(): Promise<void>;
}

const live = new Set<ManagedProcess>();

export function spawnManaged(opts: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
}): ManagedProcess {
  // detached: its own process group (and session), so one signal reaches the group and
  // nothing the test runner does reaches it by accident.
  const child: ChildProcess = spawn(opts.command, opts.args, {
    cwd: opts.cwd ?? REPO_ROOT,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const MAX_LINES = 20_000;
  const listeners = new Set<(line: string) => void>();
  let dropped = 0;
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > MAX_LINES) {
      lines.shift();
      dropped += 1;
    }
    for (const l of listeners) l(line);
  };
  readline.createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', onLine);
  readline.createInterface({ input: child.stderr!, crlfDelay: Infinity }).on('line', onLine);

  let isRunning = true;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      isRunning = false;
      resolve({ code, signal });
    });
    child.once('error', (err) => {
      isRunning = false;
      onLine(`[spawn error] ${err.message}`);
      resolve({ code: null, signal: null });
    });
  });
  const pid = child.pid ?? -1;
  // Everything ever seen below this process, so a tree orphaned by a crash of its root can still be found.
  const known = new Set<number>();
  const remember = () => {
    if (isRunning && pid > 0) for (const d of descendantsOf(pid)) known.add(d);
  };
  const tree = () => {
    remember();
    return [...known].filter(isAlive);
  };
  const lastResort = () => killAllSync([pid, ...tree()]);
  process.once('exit', lastResort);

  const managed: ManagedProcess = {
    name: opts.name,
    pid,
    exited,
    running: () => isRunning,
    logs: () => (dropped > 0 ? `[${dropped} earlier lines dropped]\n` : '') + lines.join('\n'),
    lineCount: () => lines.length + dropped,
    waitForLine(pattern, timeoutMs, fromLine = 0) {
      const start = Math.max(0, fromLine - dropped);
      const seen = lines.slice(start).find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const done = (fn: () => void) => {
          listeners.delete(listener);
          clearTimeout(timer);
          fn();
        };
        const listener = (line: string) => {
          if (pattern.test(line)) done(() => resolve(line));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${opts.name}: no line matching ${pattern} within ${timeoutMs} ms`))),
          timeoutMs,
        );
        listeners.add(listener);
        void exited.then((e) =>
          done(() =>
            reject(
              new Error(
                `${opts.name} exited (${e.signal ?? `code ${e.code}`}) before printing a line matching ${pattern}`,
              ),
            ),
          ),
        );
      });
    },
    async stop(signal = 'SIGTERM', graceMs = 30_000) {
      const before = tree();
      const t0 = Date.now();
      if (isRunning) {
        try {
          process.kill(-pid, signal);
        } catch {
          signalPid(pid, signal);
        }
      }
      const info = await Promise.race([exited, sleep(graceMs).then(() => null)]);
      const ms = Date.now() - t0;
      if (info === null) {
        onLine(`[test] ${opts.name} did not exit within ${graceMs} ms of ${signal}; killing its tree`);
        killAllSync([pid, ...tree()]);
        await exited;
      }
      const leftovers = [...new Set([...before, ...tree()])]
        .filter(isAlive)
        .map((p) => ({ pid: p, command: commandOf(p) }));
      killAllSync(leftovers.map((l) => l.pid));
      await waitUntilGone(
        leftovers.map((l) => l.pid),
        10_000,
      );
      process.removeListener('exit', lastResort);
      live.delete(managed);
      const final = info ?? (await exited);
      return { ...final, ms, leftovers };
    },
    async kill9() {
      const all = [pid, ...tree()];
      killAllSync(all);
      await exited;
      const stuck = await waitUntilGone(all, 10_000);
      process.removeListener('exit', lastResort);
      live.delete(managed);
      if (stuck.length > 0) throw new Error(`${opts.name}: processes survived SIGKILL: ${stuck.join(', ')}`);
    },
  };
  // The supervisor's children appear within a second or two of its start; keep a list so a
  // crash of the root cannot hide them.
  const watch = setInterval(remember, 500);
  watch.unref();
  void exited.then(() => clearInterval(watch));
  live.add(managed);
  return managed;
}

/** Safety net for afterEach/afterAll: SIGKILLs every process tree this module started and has not stopped. */
export async function killAllManaged(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill9().catch(() => undefined)));
}

// ---- The whole app ----

export interface AppPorts {
  web: number;
  temporal: number;
  temporalUi: number;
}

export interface AppProcessOptions {
  /** Extra environment (SendGrid, Twilio, ...); wins over the defaults. */
  env?: Record<string, string | undefined>;
  /** Reuse a data dir (a restart); a new temp dir otherwise. */
  dataDir?: string;
  ports?: AppPorts;
  token?: string;
  readyTimeoutMs?: number;
  /** The database engine; by default the run's (BREACHLINE_TEST_ENGINE, see test-db.ts). */
  engine?: Engine;
  /** Reuse a database (a restart); a new one on `engine` otherwise. */
  database?: AppDatabase;
  /** Starts already tried because a port was taken meanwhile (set by startApp itself). */
  bindRetries?: number;
}

export interface AppProcess {
  baseUrl: string;
  dataDir: string;
  token: string;
  ports: AppPorts;
  /** host:port of the app's own Temporal dev server. */
  temporalAddress: string;
  /** The environment the app runs with, for running other scripts (audit-verify, a lone worker) against the same data. */
  env: NodeJS.ProcessEnv;
  database: AppDatabase;
  process: ManagedProcess;
  /** Ctrl-C by default: the signal goes to the supervisor's process group, as a terminal sends it. */
  stop(signal?: NodeJS.Signals): Promise<StopResult>;
  /** A crash: SIGKILL to the supervisor and every process below it; returns once the ports are free again. */
  kill9(): Promise<void>;
  logs(): string;
  /** Starts the app again on the same data dir, ports, token and env. */
  startAgain(): Promise<AppProcess>;
  /** Stops whatever still runs and deletes the data dir and the database. */
  dispose(): Promise<void>;
}

/** Environment variables the app reads; a developer's own values must not leak into the child. */
const APP_VARIABLE = /^(BREACHLINE_|TEMPORAL_|SENDGRID_|TWILIO_|VITEST|NODE_ENV$|PORT$|HOST$|NODE_OPTIONS$)/;

export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!APP_VARIABLE.test(k)) env[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export async function newPorts(): Promise<AppPorts> {
  const taken = new Set<number>();
  const pick = async () => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  return { web: await pick(), temporal: await pick(), temporalUi: await pick() };
}

export function newToken(): string {
  return `e2e_${randomBytes(24).toString('hex')}`;
}

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-e2e-'));
}

/** The environment every Breachline process of one app instance shares. */
export function appEnv(o: {
  dataDir: string;
  ports: AppPorts;
  token: string;
  extra?: Record<string, string | undefined>;
}): NodeJS.ProcessEnv {
  return cleanEnv({
    BREACHLINE_DATA_DIR: o.dataDir,
    PORT: String(o.ports.web),
    HOST: '127.0.0.1',
    TEMPORAL_DEV_IP: '127.0.0.1',
    TEMPORAL_DEV_PORT: String(o.ports.temporal),
    TEMPORAL_DEV_UI_PORT: String(o.ports.temporalUi),
    BREACHLINE_ADMIN_TOKEN: o.token,
    BREACHLINE_WEBHOOK_SECRETS: `e2e:${randomBytes(16).toString('hex')}`,
    BREACHLINE_LOG_LEVEL: 'info',
    // The run's one bundle: otherwise every start spends seconds of CPU in webpack.
    [BUNDLE_ENV]: sharedWorkflowBundle(),
    ...o.extra,
  });
}

/** Spawns `node --import tsx <script>` from the repository root, as the supervisor does. */
export function spawnScript(name: string, script: string, env: NodeJS.ProcessEnv): ManagedProcess {
  return spawnManaged({ name, command: process.execPath, args: [...tsxNodeFlags(), script], env });
}

/** Polls GET /healthz until it answers 200. */
export async function waitForHealthz(
  baseUrl: string,
  timeoutMs: number,
  alive: () => boolean = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    if (!alive()) throw new Error(`process exited before ${baseUrl}/healthz answered`);
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) return;
      last = `status ${r.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/healthz did not answer within ${timeoutMs} ms (${last})`);
    await sleep(200);
  }
}

export async function startApp(opts: AppProcessOptions = {}): Promise<AppProcess> {
  const dataDir = opts.dataDir ?? newDataDir();
  const ports = opts.ports ?? (await newPorts());
  const token = opts.token ?? newToken();
  const database = opts.database ?? (await appDatabase(opts.engine ?? defaultTestEngine()));
  const env = appEnv({ dataDir, ports, token, extra: { ...database.env, ...opts.env } });
  const baseUrl = `http://127.0.0.1:${ports.web}`;
  const proc = spawnScript('breachline', 'bin/start.ts', env);
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;

  const app: AppProcess = {
    baseUrl,
    dataDir,
    token,
    ports,
    temporalAddress: `127.0.0.1:${ports.temporal}`,
    env,
    database,
    process: proc,
    stop: (signal = 'SIGINT') => proc.stop(signal),
    async kill9() {
      await proc.kill9();
      await waitForPortsFree([ports.web, ports.temporal, ports.temporalUi], 15_000);
    },
    logs: () => proc.logs(),
    startAgain: () => startApp({ dataDir, ports, token, env: opts.env, readyTimeoutMs, database }),
    async dispose() {
      // Also when the supervisor already exited: a crashed one may have left children behind.
      await proc.kill9().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };

  try {
    // Ready means the web server answers and a worker is polling: an update sent now is handled.
    await Promise.all([
      proc.waitForLine(/worker started/, readyTimeoutMs),
      proc
        .waitForLine(/web server listening/, readyTimeoutMs)
        .then(() => waitForHealthz(baseUrl, 10_000, proc.running)),
    ]);
  } catch (err) {
    const logs = proc.logs();
    await proc.kill9().catch(() => undefined);
    // Another test's process can take a port between the check that it is free and the bind (the
    // streams run side by side): try again, on new ports unless the caller keeps its own.
    if (/address already in use/.test(logs) && (opts.bindRetries ?? 0) < 3) {
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (!opts.database) await database.drop();
      await sleep(1_000);
      return startApp({ ...opts, bindRetries: (opts.bindRetries ?? 0) + 1 });
    }
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (!opts.database) await database.drop();
    throw new Error(
      `Breachline did not start: ${(err as Error).message}\n--- output ---\n${logs.split('\n').slice(-80).join('\n')}`,
      {
        cause: err,
      },
    );
  }
  return app;
}
