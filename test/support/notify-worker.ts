// The notify worker (notify-worker-process.ts) in its own process, resolved once it
// polls, so a test or benchmark can kill -9 it and start another just the same.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface NotifyWorkerEnv {
  NOTIFY_DB: string;
  NOTIFY_SENDGRID_URL: string;
  NOTIFY_TEMPORAL: string;
  NOTIFY_TASK_QUEUE: string;
  NOTIFY_UNCERTAIN_WAIT_MS: string;
  [more: string]: string;
}

export function forkNotifyWorker(env: NotifyWorkerEnv, execArgv: string[] = []): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'notify-worker-process.ts'), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}
