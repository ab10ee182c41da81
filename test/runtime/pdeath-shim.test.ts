import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bin/temporal-cli';
import { isAlive } from '../support/app-process';

const SHIM = path.join(REPO_ROOT, 'bin/pdeath-shim.mjs');
const GRACE_MS = 3_000;

interface Shim {
  child: ChildProcess;
  output: () => string;
  messages: unknown[];
  /** The program's pid, from the shim's 'started' message. */
  programPid: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: number[] = [];

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

function runShim(program: string, args: string[]): Shim {
  const child = spawn(process.execPath, [SHIM, program, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  started.push(child.pid!);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const messages: unknown[] = [];
  const programPid = new Promise<number>((resolve, reject) => {
    child.on('message', (m: { type?: string; pid?: number }) => {
      messages.push(m);
      if (m.type === 'started' && m.pid) {
        started.push(m.pid);
        resolve(m.pid);
      }
    });
    child.once('exit', () => reject(new Error('the shim exited without reporting a pid')));
  });
  programPid.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, messages, programPid, exited };
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${pid} still alive after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - t0;
}

describe('pdeath-shim', () => {
  it('relays the output and exits with the code the program exited with', async () => {
    const shim = runShim('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(await shim.exited).toEqual({ code: 3, signal: null });
    expect(shim.output()).toContain('out\n');
    expect(shim.output()).toContain('err\n');
  });

  it('reports a program that cannot run, over IPC and on stderr', async () => {
    const shim = runShim('/nonexistent/temporal', []);
    expect(await shim.exited).toEqual({ code: 127, signal: null });
    expect(shim.messages).toEqual([{ type: 'spawn-error', message: expect.stringMatching(/ENOENT/) }]);
    expect(shim.output()).toMatch(/cannot run \/nonexistent\/temporal: .*ENOENT/);
  });

  it('passes SIGTERM on to the program and dies of the signal the program died of', async () => {
    const shim = runShim('sleep', ['30']);
    const pid = await shim.programPid;
    // The shim's pid only: the program is in a group of its own, so only the shim can reach it.
    process.kill(shim.child.pid!, 'SIGTERM');
    expect(await shim.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(isAlive(pid)).toBe(false);
  });

  it('lets the program handle a passed-on SIGTERM and exits as it did', async () => {
    const shim = runShim('sh', ['-c', 'trap "echo stopping; exit 0" TERM; echo ready; while :; do sleep 0.05; done']);
    await shim.programPid;
    await expect.poll(shim.output).toContain('ready');
    process.kill(shim.child.pid!, 'SIGTERM');
    expect(await shim.exited).toEqual({ code: 0, signal: null });
    expect(shim.output()).toContain('stopping');
  });

  it('when its parent lets go of the channel, sends the program SIGTERM', async () => {
    const shim = runShim('sleep', ['30']);
    const pid = await shim.programPid;
    shim.child.disconnect();
    expect(await shim.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(pid, 1_000)).toBeLessThan(1_000);
  });

  it('kills a program that ignores SIGTERM once the grace is over', async () => {
    const shim = runShim('sh', ['-c', 'trap "" TERM; echo ready; while :; do sleep 0.05; done']);
    const pid = await shim.programPid;
    await expect.poll(shim.output).toContain('ready');
    const t0 = Date.now();
    shim.child.disconnect();
    expect(await shim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(isAlive(pid)).toBe(false);
  });

  // A parent SIGKILLed for real, with and without an IPC channel to the shim: the middle process
  // prints the program's pid (the program prints it itself when there is no channel to report it).
  for (const ipc of [true, false]) {
    it(`stops the program when its parent is SIGKILLed (${ipc ? 'IPC channel closes' : 'no IPC: ppid changes'})`, async () => {
      const parentCode = ipc
        ? `const c = require('child_process').spawn(process.execPath, ${JSON.stringify([SHIM, 'sleep', '30'])}, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
           c.on('message', (m) => m.type === 'started' && console.log('pid ' + m.pid));
           setInterval(() => {}, 1e9);`
        : `require('child_process').spawn(process.execPath, ${JSON.stringify([SHIM, 'sh', '-c', 'echo pid $$; exec sleep 30'])}, { stdio: 'inherit' });
           setInterval(() => {}, 1e9);`;
      const parent = spawn(process.execPath, ['-e', parentCode], {
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      started.push(parent.pid!);
      const lines = readline.createInterface({ input: parent.stdout! });
      const pid = await new Promise<number>((resolve) =>
        lines.on('line', (line) => {
          const m = /^pid (\d+)$/.exec(line);
          if (m) resolve(Number(m[1]));
        }),
      );
      started.push(pid);
      process.kill(parent.pid!, 'SIGKILL');
      expect(await waitUntilGone(pid, 2_000)).toBeLessThan(2_000);
    });
  }
});
