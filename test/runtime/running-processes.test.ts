// The pid files by which migrate:to-postgres sees an app process on the data directory: a live one
// counts, one left by a process killed with kill -9 does not and is removed, and neither does one whose
// pid now belongs to another program.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveProcesses, runDir } from '../../lib/running-processes';

const children: ChildProcess[] = [];

function start(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** Resolves once the child runs `command`: a pid read before the exec would still show the forked parent. */
async function running(child: ChildProcess, command: RegExp): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').join(' ');
    if (command.test(cmdline)) return child.pid!;
    if (Date.now() > deadline) throw new Error(`pid ${child.pid} still runs ${cmdline}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function pidFile(dataDir: string, role: string, pid: number): string {
  const file = path.join(runDir(dataDir), `${role}-${pid}.pid`);
  fs.writeFileSync(file, JSON.stringify({ role, pid, startedAt: '2026-01-01T00:00:00.000Z' }) + '\n');
  return file;
}

// The check reads /proc/<pid>/cmdline, which only Linux has; elsewhere only the pid's liveness is checked.
describe.runIf(process.platform === 'linux')('liveProcesses', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-run-'));
    fs.mkdirSync(runDir(dataDir));
  });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the file of a live process running the role script', async () => {
    // A stand-in for `node --import tsx bin/web.ts`: a process whose script is named web.
    const script = path.join(dataDir, 'bin', 'web.js');
    fs.mkdirSync(path.dirname(script));
    fs.writeFileSync(script, 'setInterval(() => {}, 60_000);\n');
    const pid = await running(start(process.execPath, [script]), /bin\/web\.js/);
    const file = pidFile(dataDir, 'web', pid);

    expect(liveProcesses(dataDir)).toEqual([{ role: 'web', pid, startedAt: '2026-01-01T00:00:00.000Z' }]);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('removes the file of a process that is gone (a kill -9)', async () => {
    const child = start('sleep', ['60']);
    const pid = await running(child, /^sleep 60/);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const file = pidFile(dataDir, 'worker', pid);

    expect(liveProcesses(dataDir)).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('ignores and removes the file of a live pid that another program now holds', async () => {
    const pid = await running(start('sleep', ['60']), /^sleep 60/);
    const file = pidFile(dataDir, 'forwarder', pid);

    expect(liveProcesses(dataDir)).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
    // Only the file was judged: the program itself runs on.
    expect(() => process.kill(pid, 0)).not.toThrow();
  });

  it('lists nothing for a data directory no process ever ran on', () => {
    expect(liveProcesses(path.join(dataDir, 'elsewhere'))).toEqual([]);
  });
});
