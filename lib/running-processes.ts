// Which app processes run on an SQLite data directory, for commands that must not run beside them
// (migrate:to-postgres copies table by table: a row committed after its table was copied would stay
// behind in SQLite). SQLite has no list of its connections, so each process leaves a pid file in
// `<dataDir>/run` while it runs. A kill -9 or a power cut leaves the file behind, so a file only counts
// while its pid is alive and, on Linux, still runs the role's script: after a reboot the pid may belong
// to anything.
import fs from 'node:fs';
import path from 'node:path';

export const APP_ROLES = ['web', 'worker', 'forwarder'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface RunningProcess {
  role: AppRole;
  pid: number;
  /** ISO time the process registered; '' when its file could not be read. */
  startedAt: string;
}

const FILE = new RegExp(`^(${APP_ROLES.join('|')})-(\\d+)\\.pid$`);

export function runDir(dataDir: string): string {
  return path.join(dataDir, 'run');
}

/**
 * Leaves this process's pid file until it exits. The 'exit' hook covers every way the processes
 * stop by themselves (process.exit in a SIGTERM/SIGINT handler, or the event loop running dry
 * after one); only a kill -9 or a crash of the machine leaves the file, and the listing ignores it.
 */
export function registerRunning(dataDir: string, role: AppRole): void {
  const dir = runDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${role}-${process.pid}.pid`);
  const entry: RunningProcess = { role, pid: process.pid, startedAt: new Date().toISOString() };
  // Written aside and renamed, so a listing never reads half a file.
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(entry) + '\n');
  fs.renameSync(tmp, file);
  process.once('exit', () => fs.rmSync(file, { force: true }));
}

/** The app processes alive on `dataDir`, oldest pid first; removes the files of the dead ones. */
export function liveProcesses(dataDir: string): RunningProcess[] {
  const dir = runDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const live: RunningProcess[] = [];
  for (const name of names) {
    const m = FILE.exec(name);
    if (!m) continue;
    const role = m[1] as AppRole;
    const pid = Number(m[2]);
    if (!runsRole(pid, role)) {
      fs.rmSync(path.join(dir, name), { force: true });
      continue;
    }
    live.push({ role, pid, startedAt: startedAtIn(path.join(dir, name)) });
  }
  return live.sort((a, b) => a.pid - b.pid);
}

/** Whether `pid` is alive and, where /proc tells, runs the role's script. In doubt, it is taken as ours. */
function runsRole(pid: number, role: AppRole): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: alive, under another user (the app run by a service account, this by an operator).
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (process.platform !== 'linux') return true;
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  // A zombie's cmdline is empty, which rightly counts as not running. The script is an argument of
  // node (`node --import tsx bin/web.ts`, or tsx's own child under `npm run web`).
  const script = new RegExp(`(^|/)${role}\\.[cm]?[jt]s$`);
  return cmdline.split('\0').some((arg) => script.test(arg));
}

function startedAtIn(file: string): string {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunningProcess>;
    return typeof parsed.startedAt === 'string' ? parsed.startedAt : '';
  } catch {
    return '';
  }
}
