import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrashPolicy, type Running, fromChildProcess, supervise, tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';

const node = (code: string): Running =>
  fromChildProcess(spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }), 300);

describe('CrashPolicy', () => {
  it('backs off 1, 2, 4, 8 s and gives up on the fifth crash within a minute', () => {
    const policy = new CrashPolicy();
    const delays = [0, 1, 2, 3, 4].map((i) => policy.recordCrash(i * 1000, 100));
    expect(delays).toEqual([1000, 2000, 4000, 8000, null]);
  });

  it('caps the delay at 30 s for a process that crashes slowly but steadily', () => {
    const policy = new CrashPolicy();
    const delays = [0, 1, 2, 3, 4, 5, 6].map((i) => policy.recordCrash(i * 20_000, 10_000));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('starts again at 1 s after a run that lasted a full minute', () => {
    const policy = new CrashPolicy();
    policy.recordCrash(0, 100);
    policy.recordCrash(1000, 100);
    expect(policy.recordCrash(200_000, 120_000)).toBe(1000);
  });
});

describe('supervise', () => {
  it('restarts a process that keeps exiting, then gives up with a message naming it', async () => {
    let starts = 0;
    const lines: string[] = [];
    const gaveUp = new Promise<string>((resolve) => {
      supervise({
        name: 'worker',
        start: async () => {
          starts += 1;
          return node('process.exit(3)');
        },
        log: (line) => lines.push(line),
        onGiveUp: resolve,
        policy: new CrashPolicy(3, 60_000, 10, 100),
      });
    });
    expect(await gaveUp).toMatch(/^worker exited unexpectedly \(code 3\), and crashed 3 times/);
    expect(starts).toBe(3);
    expect(lines).toEqual([
      'worker exited unexpectedly (code 3); restarting in 0.01 s',
      'worker exited unexpectedly (code 3); restarting in 0.02 s',
    ]);
  });

  it('stop() ends a healthy process with SIGTERM and does not restart it', async () => {
    let starts = 0;
    let current: Running | undefined;
    const service = supervise({
      name: 'web',
      start: async () => {
        starts += 1;
        current = node('setInterval(() => {}, 1e9)');
        return current;
      },
      log: () => undefined,
      onGiveUp: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 200));
    await service.stop();
    expect(await current!.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(starts).toBe(1);
  });

  it('a process that ignores SIGTERM is killed after its grace period', async () => {
    const stubborn = node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1e9)");
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    await stubborn.stop();
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });
});

describe('stopWhenSupervisorDies', () => {
  const SUPERVISE = path.join(REPO_ROOT, 'bin/supervise.ts');
  const child = (body: string, ipc = true) => {
    const code = `const { stopWhenSupervisorDies } = require(${JSON.stringify(SUPERVISE)});\n${body}`;
    const proc = spawn(process.execPath, [...tsxNodeFlags(), '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit', ...(ipc ? (['ipc'] as const) : [])],
    });
    let output = '';
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
      proc.once('exit', (code, signal) => resolve({ code, signal, output })),
    );
    const ready = new Promise<void>((resolve) => proc.once('message', () => resolve()));
    return { proc, exited, ready };
  };

  it('runs the SIGTERM handler when the channel to the supervisor closes', async () => {
    const { proc, exited, ready } = child(`
      stopWhenSupervisorDies();
      process.on('SIGTERM', () => { console.log('graceful'); process.exit(0); });
      setInterval(() => {}, 1e9);
      process.send('ready');`);
    await ready;
    proc.disconnect();
    expect(await exited).toEqual({ code: 0, signal: null, output: 'graceful\n' });
  });

  it('exits after the grace when the SIGTERM handler does not finish', async () => {
    const { proc, exited, ready } = child(`
      stopWhenSupervisorDies(300);
      process.on('SIGTERM', () => {});
      setInterval(() => {}, 1e9);
      process.send('ready');`);
    await ready;
    const t0 = Date.now();
    proc.disconnect();
    expect(await exited).toMatchObject({ code: 1, signal: null });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('does not keep a child that has finished alive while the supervisor still holds the channel', async () => {
    const { proc, exited } = child(`
      stopWhenSupervisorDies();
      setTimeout(() => console.log('finished'), 100);`);
    const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    proc.kill('SIGKILL');
    expect(result).toEqual({ code: 0, signal: null, output: 'finished\n' });
  });

  it('leaves a child started without an IPC channel alone', async () => {
    const { exited } = child(
      `
      stopWhenSupervisorDies();
      process.on('SIGTERM', () => { console.log('stopped'); process.exit(1); });
      setTimeout(() => console.log('finished'), 300);`,
      false,
    );
    expect(await exited).toEqual({ code: 0, signal: null, output: 'finished\n' });
  });
});
