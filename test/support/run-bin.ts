// Runs one of the operator commands in bin/ as an operator would (a child Node with tsx), and
// returns its exit code and everything it printed, whatever the code.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';

const run = promisify(execFile);

export async function runBin(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [...tsxNodeFlags(), script, ...args], {
      cwd: REPO_ROOT,
      env,
      timeout: 60_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
