// Keeps a set of long-running processes alive for `npm start`: prefixes their output,
// restarts one that dies with growing delays, and gives up on one that keeps crashing.
import { spawn, type ChildProcess } from 'node:child_process';
import module from 'node:module';
import readline from 'node:readline';
import type { Readable } from 'node:stream';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started process as the supervisor sees it. */
export interface Running {
  pid: number;
  exited: Promise<ExitInfo>;
  stop(): Promise<void>;
}

/**
 * Restart delays of 1 s, 2 s, 4 s ... capped at 30 s; a run that lasted a full window
 * counts as healthy and resets the delay. Five crashes inside one minute mean the
 * process cannot run (bad code, bad config, a dead dependency) and restarting is noise.
 */
export class CrashPolicy {
  private crashes: number[] = [];
  private consecutive = 0;

  constructor(
    readonly maxCrashes = 5,
    readonly windowMs = 60_000,
    readonly firstDelayMs = 1_000,
    readonly maxDelayMs = 30_000,
  ) {}

  /** Records a crash; returns the delay before the restart, or null to give up. */
  recordCrash(now: number, ranForMs: number): number | null {
    this.crashes = [...this.crashes.filter((t) => now - t < this.windowMs), now];
    if (this.crashes.length >= this.maxCrashes) return null;
    this.consecutive = ranForMs >= this.windowMs ? 1 : this.consecutive + 1;
    return Math.min(this.firstDelayMs * 2 ** (this.consecutive - 1), this.maxDelayMs);
  }
}

export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

export function forwardLines(stream: Readable, write: (line: string) => void): void {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', write);
}

/** Node flags that load tsx: the ESM hook needs module.register (Node 20.6); older 20.x use the CJS hook. */
export function tsxNodeFlags(): string[] {
  return 'register' in module ? ['--import', 'tsx'] : ['--require', 'tsx/cjs'];
}

/**
 * Spawns `node --import tsx <script>` in its own process group, so a terminal Ctrl-C reaches
 * only the supervisor, which then stops children in its own order. That also puts the child out
 * of reach of whatever kills the supervisor, so it gets an IPC channel whose end tells it the
 * supervisor is gone (see stopWhenSupervisorDies).
 */
export function spawnTsNode(opts: {
  name: string;
  script: string;
  args?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  graceMs?: number;
}): Running {
  const child = spawn(process.execPath, [...tsxNodeFlags(), opts.script, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  forwardLines(child.stdout!, (line) => process.stdout.write(`[${opts.name}] ${line}\n`));
  forwardLines(child.stderr!, (line) => process.stderr.write(`[${opts.name}] ${line}\n`));
  return fromChildProcess(child, opts.graceMs ?? 15_000);
}

/**
 * How long a child whose supervisor died may take to stop before it exits regardless. Nobody
 * waits for it any more, and a restarted `npm start` needs its ports within seconds.
 */
export const ORPHAN_GRACE_MS = 3_000;

/**
 * For a script spawned by spawnTsNode: when the supervisor dies, stop the way SIGTERM stops it
 * (a signal to itself, so the script's own SIGTERM handling runs), and exit after graceMs
 * whatever that handling still waits for. A process started without an IPC channel
 * (`npm run worker`) has no supervisor to follow and is left as it is.
 */
export function stopWhenSupervisorDies(graceMs = ORPHAN_GRACE_MS): void {
  if (typeof process.send !== 'function') return;
  const stop = () => {
    // stdout and stderr were pipes to the supervisor: a write now fails with EPIPE, and an
    // unhandled stream error would end the shutdown halfway.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    setTimeout(() => process.exit(1), graceMs).unref();
    process.kill(process.pid, 'SIGTERM');
  };
  // The channel may have closed while the script was still loading, before anyone listened.
  if (!process.connected) {
    stop();
    return;
  }
  process.once('disconnect', stop);
  // A 'disconnect' listener refs the channel, which would keep a process that has finished
  // (a worker after a SIGTERM from the supervisor) alive until the supervisor lets go.
  process.channel?.unref();
}

/** SIGTERM to the child's process group, SIGKILL after graceMs. */
export function fromChildProcess(child: ChildProcess, graceMs: number): Running {
  let running = true;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
    child.once('error', (err) => {
      running = false;
      process.stderr.write(`cannot start ${child.spawnfile}: ${err.message}\n`);
      resolve({ code: null, signal: null });
    });
  });
  const signal = (sig: NodeJS.Signals) => {
    if (!running || child.pid === undefined) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  const killOnExit = () => signal('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  return {
    pid: child.pid ?? -1,
    exited,
    async stop() {
      if (!running) return;
      signal('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        signal('SIGKILL');
        await exited;
      }
    },
  };
}

export interface Supervised {
  name: string;
  stop(): Promise<void>;
}

/**
 * Runs `start` and restarts it whenever it exits on its own. `initial`, when given, is an
 * already-started instance (so a first start that cannot work fails loudly in the caller).
 */
export function supervise(opts: {
  name: string;
  start: () => Promise<Running>;
  initial?: Running;
  log: (line: string) => void;
  onGiveUp: (message: string) => void;
  policy?: CrashPolicy;
}): Supervised {
  const policy = opts.policy ?? new CrashPolicy();
  let stopping = false;
  let current: Running | undefined = opts.initial;
  let wake: (() => void) | undefined;

  const loop = async () => {
    for (;;) {
      const startedAt = Date.now();
      let exit: ExitInfo | undefined;
      let failure: string | undefined;
      try {
        current ??= await opts.start();
        if (stopping) {
          await current.stop();
          break;
        }
        exit = await current.exited;
      } catch (err) {
        failure = (err as Error).message;
      }
      current = undefined;
      if (stopping) break;
      const why = failure ? `failed to start: ${failure}` : `exited unexpectedly (${describeExit(exit!)})`;
      const delay = policy.recordCrash(Date.now(), Date.now() - startedAt);
      if (delay === null) {
        opts.onGiveUp(
          `${opts.name} ${why}, and crashed ${policy.maxCrashes} times within ${policy.windowMs / 1000} s; giving up. ` +
            'Read its output above for the cause.',
        );
        return;
      }
      opts.log(`${opts.name} ${why}; restarting in ${delay / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      if (stopping) break;
    }
  };
  const done = loop();

  return {
    name: opts.name,
    async stop() {
      stopping = true;
      wake?.();
      await current?.stop();
      await done;
    },
  };
}
