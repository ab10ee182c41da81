// Runs `temporal server start-dev` as a child process, waits until it answers,
// and sets the namespace retention (the dev server creates namespaces with 24 hours,
// which would drop closed incidents from Temporal the day after they close).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { Connection } from '@temporalio/client';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import type { TemporalConfig } from '../temporal.config';
import { findTemporalCli } from './temporal-cli';

export interface DevServer {
  address: string;
  uiUrl: string | null;
  /** The Temporal server's own pid, which is also its process group: kill(-pid) reaches all of it. */
  pid: number;
  /** Resolves with the exit code (or signal) once the server exits by itself; never rejects. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** No --db-filename: state is lost when the server stops (tests). */
  inMemory?: boolean;
  /** Receives each line the server prints; silent if not given. */
  log?: (line: string) => void;
  /** Defaults to findTemporalCli(). */
  cliPath?: string;
  /** The Web UI's remote codec (Breachline's /codec), so it shows admins decrypted payloads. */
  codecEndpoint?: string;
  /** How long to wait for the server to answer; 60 s covers a cold start on a busy 2-core machine. */
  readyTimeoutMs?: number;
}

const STOP_GRACE_MS = 10_000;
const DAY_SECONDS = 24 * 60 * 60;
const PDEATH_SHIM = path.join(__dirname, 'pdeath-shim.mjs');

/** What bin/pdeath-shim.mjs says over its IPC channel. */
type ShimMessage = { type: 'started'; pid: number } | { type: 'spawn-error'; message: string };

function isShimMessage(value: unknown): value is ShimMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    (m.type === 'started' && typeof m.pid === 'number') || (m.type === 'spawn-error' && typeof m.message === 'string')
  );
}

/** The argv for `temporal`, kept separate so it can be read and tested on its own. */
export function devServerArgs(
  cfg: TemporalConfig,
  opts: { inMemory?: boolean; codecEndpoint?: string } = {},
): string[] {
  const args = ['server', 'start-dev', '--ip', cfg.dev.ip, '--port', String(cfg.dev.port)];
  if (!opts.inMemory) {
    args.push(
      '--db-filename',
      cfg.dev.dbFile,
      // WAL with NORMAL sync: about ten times the write rate of the default journal, and a crash
      // loses at most the last transactions, never the file.
      '--sqlite-pragma',
      'journal_mode=WAL',
      '--sqlite-pragma',
      'synchronous=NORMAL',
    );
  }
  if (cfg.dev.headless) args.push('--headless');
  else {
    args.push('--ui-port', String(cfg.dev.uiPort));
    if (opts.codecEndpoint) args.push('--ui-codec-endpoint', opts.codecEndpoint);
  }
  args.push(
    '--namespace',
    cfg.namespace,
    '--log-level',
    cfg.dev.logLevel,
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  );
  return args;
}

function connectHost(ip: string): string {
  if (ip === '0.0.0.0') return '127.0.0.1';
  if (ip === '::') return '[::1]';
  return ip.includes(':') ? `[${ip}]` : ip;
}

function displayHost(ip: string): string {
  return ['127.0.0.1', '0.0.0.0', 'localhost', '::', '::1'].includes(ip) ? 'localhost' : connectHost(ip);
}

/** Fails fast with a useful message instead of letting the server die with a bind error deep in its log. */
async function assertPortFree(ip: string, port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(
          new Error(
            `port ${port} on ${ip} is already in use (another Temporal server, or an earlier Breachline still running?). ` +
              `Stop it, choose another port with ${variable}, or point TEMPORAL_ADDRESS at a server that is already running.`,
          ),
        );
      } else reject(new Error(`cannot bind ${ip}:${port}: ${err.message}`));
    });
    probe.listen({ host: ip, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDevServer(cfg: TemporalConfig, opts: DevServerOptions = {}): Promise<DevServer> {
  const cli = opts.cliPath ?? findTemporalCli();
  if (!cli) {
    throw new Error(
      'Temporal CLI not found. Run `npm run setup:temporal`, set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS to use a running server.',
    );
  }
  await assertPortFree(cfg.dev.ip, cfg.dev.port, 'TEMPORAL_DEV_PORT');
  if (!cfg.dev.headless) await assertPortFree(cfg.dev.ip, cfg.dev.uiPort, 'TEMPORAL_DEV_UI_PORT');
  if (!opts.inMemory) fs.mkdirSync(path.dirname(cfg.dev.dbFile), { recursive: true });

  const address = `${connectHost(cfg.dev.ip)}:${cfg.dev.port}`;
  const uiUrl = cfg.dev.headless ? null : `http://${displayHost(cfg.dev.ip)}:${cfg.dev.uiPort}`;

  // Its own process group: a Ctrl-C in the terminal must not reach the server before the
  // worker and web server have stopped; the caller decides the order. Out of reach of our
  // group, it would also outlive a SIGKILL of this process: the shim stops it when its IPC
  // channel to us closes, and passes our SIGTERM on.
  const child = spawn(process.execPath, [PDEATH_SHIM, cli, ...devServerArgs(cfg, opts)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const recent: string[] = [];
  const onLine = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    opts.log?.(line);
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  let serverPid: number | undefined;
  child.on('message', (message: unknown) => {
    if (!isShimMessage(message)) return;
    if (message.type === 'started') serverPid = message.pid;
    else spawnError = new Error(message.message);
  });
  let running = true;
  void exited.then(() => (running = false));

  const killGroup = (signal: NodeJS.Signals) => {
    if (!running || child.pid === undefined) return;
    // A SIGKILL the shim cannot pass on: it goes to the server's group too.
    const groups = signal === 'SIGKILL' && serverPid !== undefined ? [child.pid, serverPid] : [child.pid];
    for (const group of groups) {
      try {
        process.kill(-group, signal);
      } catch {
        if (group === child.pid) child.kill(signal);
      }
    }
  };
  // Last resort if the parent exits without calling stop(): do not leave a server holding the port.
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (!running) return;
    killGroup('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_GRACE_MS).then(() => true)]);
    if (timedOut) {
      killGroup('SIGKILL');
      await exited;
    }
  };

  try {
    await waitUntilReady(address, cfg.namespace, opts.readyTimeoutMs ?? 60_000, () => {
      if (spawnError) return `could not run ${cli}: ${spawnError.message}`;
      if (!running) return `temporal server exited during start-up. Last output:\n  ${recent.join('\n  ') || '(none)'}`;
      return null;
    });
    await setRetention(address, cfg.namespace, cfg.dev.retentionDays);
  } catch (err) {
    await stop();
    throw err;
  }
  // The shim reports the pid before the server can answer, so it is known by now.
  if (serverPid === undefined) {
    await stop();
    throw new Error(`temporal server answered at ${address}, but ${PDEATH_SHIM} did not report its pid`);
  }
  return { address, uiUrl, pid: serverPid, exited, stop };
}

async function waitUntilReady(
  address: string,
  namespace: string,
  timeoutMs: number,
  failure: () => string | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = failure();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) {
      throw new Error(
        `temporal server at ${address} did not answer within ${Math.round(timeoutMs / 1000)} s: ${String(lastError)}`,
      );
    }
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: '2s' });
      // The frontend answers before the namespace is registered; wait for the one we will use.
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (err) {
      lastError = err;
      await sleep(250);
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }
}

/** Sets the namespace's retention of closed workflows and checks that the server kept it. */
export async function setRetention(address: string, namespace: string, days: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const seconds = days * DAY_SECONDS;
    const current = await connection.workflowService.describeNamespace({ namespace });
    if (tsToMs(current.config?.workflowExecutionRetentionTtl) === seconds * 1000) return;
    await connection.workflowService.updateNamespace({
      namespace,
      config: { workflowExecutionRetentionTtl: msToTs(seconds * 1000) },
    });
    const after = await connection.workflowService.describeNamespace({ namespace });
    const kept = tsToMs(after.config?.workflowExecutionRetentionTtl) / 1000;
    if (kept !== seconds) {
      throw new Error(`namespace ${namespace}: retention is ${kept / DAY_SECONDS} days after asking for ${days}`);
    }
  } finally {
    await connection.close();
  }
}
