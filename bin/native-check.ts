// Loads the native add-ons before anything else starts, so a skipped install
// script shows up as one clear instruction instead of a stack trace from a child process.
// npm 11 runs install scripts only for packages listed in package.json "allowScripts";
// sqlite3 builds or fetches its binary in one, @temporalio/core-bridge ships prebuilt binaries,
// argon2 ships prebuilt binaries and its install script builds from source when the prebuilt one
// does not load (on Debian 12 with Node 20.20 the prebuilt glibc binary crashes the process on load).
import { spawnSync } from 'node:child_process';

interface NativeProblem {
  module: string;
  error: string;
  fix: string;
}

export function findNativeProblems(): NativeProblem[] {
  const problems: NativeProblem[] = [];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- loaded lazily: this check exists to report a failed load
    const sqlite3 = require('sqlite3') as typeof import('sqlite3');
    new sqlite3.Database(':memory:').close();
  } catch (err) {
    problems.push({
      module: 'sqlite3',
      error: (err as Error).message.split('\n')[0]!,
      fix: 'npm install-scripts approve sqlite3 && npm rebuild sqlite3',
    });
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@temporalio/core-bridge');
  } catch (err) {
    problems.push({
      module: '@temporalio/core-bridge',
      error: (err as Error).message.split('\n')[0]!,
      fix: `npm rebuild @temporalio/core-bridge (prebuilt binaries exist for linux/macOS/windows on x64 and arm64; this is ${process.platform}-${process.arch})`,
    });
  }
  // In a child: a broken binary can crash the process on load (SIGSEGV) instead of throwing.
  const argon2 = spawnSync(
    process.execPath,
    ['-e', "require('argon2').hash('x', { memoryCost: 1024, timeCost: 1 }).catch(() => process.exit(3))"],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (argon2.status !== 0)
    problems.push({
      module: 'argon2',
      error:
        argon2.signal !== null
          ? `loading it killed the process (${argon2.signal})`
          : (argon2.stderr.split('\n').find((line) => line.includes('Error')) ?? `exit ${argon2.status}`),
      fix: 'npm install-scripts approve argon2 && npm rebuild argon2 (builds it from source when the prebuilt binary does not load; needs python3, make and a C++ compiler)',
    });
  return problems;
}

/** Exits with status 1 and a message saying what to run if a native module does not load. */
export function checkNativeModules(): void {
  const problems = findNativeProblems();
  if (problems.length === 0) return;
  for (const p of problems) {
    console.error(`Native module ${p.module} does not load: ${p.error}`);
    console.error(`  Fix: ${p.fix}`);
  }
  console.error(
    'npm 11 skips install scripts of packages not approved in package.json "allowScripts"; the commands above approve and rebuild.',
  );
  process.exit(1);
}

if (require.main === module) {
  checkNativeModules();
  console.log('Native modules load: sqlite3, @temporalio/core-bridge');
}
