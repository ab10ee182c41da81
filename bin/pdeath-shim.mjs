// Runs a program that cannot notice its parent's death (the Temporal CLI, a Go binary) so that
// it stops when the parent dies: `node bin/pdeath-shim.mjs <program> [args...]`.
//
// The program gets its own process group and is stopped through it; SIGTERM, SIGINT and SIGHUP
// sent to the shim are passed on; the shim exits as the program did (same code, same signal),
// so its parent sees the shim as it would the program. When the parent dies (the IPC channel
// closes, or without one, the parent pid changes) the program gets SIGTERM, then SIGKILL after
// GRACE_MS. Linux's PR_SET_PDEATHSIG would do it without a process, but it fires when the parent
// *thread* ends (Node's spawning thread is not the process) and needs setpriv, which a machine
// may lack.
//
// Plain JavaScript, not TypeScript under tsx: it starts in a tenth of the time and memory, and
// every Temporal start waits for it.
//
// IPC messages to the parent: {type: 'started', pid} once the program runs, or
// {type: 'spawn-error', message} when it cannot be run (the shim then exits with 127).
import { spawn } from 'node:child_process';
import process from 'node:process';
import { setInterval, setTimeout } from 'node:timers';

const GRACE_MS = 3_000;
const PPID_POLL_MS = 500;
const FORWARDED = ['SIGTERM', 'SIGINT', 'SIGHUP'];

const [program, ...args] = process.argv.slice(2);
if (!program) {
  process.stderr.write('usage: node bin/pdeath-shim.mjs <program> [args...]\n');
  process.exit(2);
}

// Listening before the spawn: a signal that arrives in between must not kill the shim alone.
let child;
const signalGroup = (signal) => {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
const forward = (signal) => signalGroup(signal);
for (const signal of FORWARDED) process.on(signal, forward);

child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

// The program's output goes through the shim rather than straight to the parent's pipes: once
// the parent is gone those pipes are broken, and a Go program writing to a broken stdout or
// stderr dies of SIGPIPE in the middle of its shutdown. The shim keeps reading and drops it.
let relaying = true;
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  to.on('error', () => (relaying = false));
  from.on('data', (chunk) => {
    if (relaying) to.write(chunk);
  });
}

const tell = (message) => {
  if (process.connected) process.send(message, () => undefined);
};
child.once('spawn', () => tell({ type: 'started', pid: child.pid }));
child.once('error', (err) => {
  tell({ type: 'spawn-error', message: err.message });
  process.stderr.write(`cannot run ${program}: ${err.message}\n`, () => process.exit(127));
});

// 'close', not 'exit': the last lines of output are relayed before the shim goes.
child.once('close', (code, signal) => {
  if (signal) {
    for (const s of FORWARDED) process.removeListener(s, forward);
    process.kill(process.pid, signal);
    // A signal the program died of but whose default action does not end the shim.
    setTimeout(() => process.exit(1), 1_000);
    return;
  }
  process.exit(code ?? 1);
});

let orphaned = false;
const onParentDeath = () => {
  if (orphaned) return;
  orphaned = true;
  relaying = false;
  signalGroup('SIGTERM');
  setTimeout(() => signalGroup('SIGKILL'), GRACE_MS).unref();
};
if (typeof process.send === 'function') {
  // The channel may have closed while this module was loading, before anyone listened.
  if (!process.connected) onParentDeath();
  else process.once('disconnect', onParentDeath);
  // The shim lives exactly as long as the program; the channel must not keep it beyond that.
  process.channel?.unref();
} else {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) onParentDeath();
  }, PPID_POLL_MS).unref();
}
