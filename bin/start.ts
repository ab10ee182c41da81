// `npm start`: everything Breachline needs on one machine. Validates the configuration,
// starts a Temporal dev server on a SQLite file in the data dir (unless TEMPORAL_ADDRESS
// names an existing one), then the worker, the alert forwarder and the web server as child
// processes, and keeps them all running until Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadAppConfig, type AppConfig } from '../app.config';
import { loadTemporalConfig, type TemporalConfig } from '../temporal.config';
import { startDevServer } from './dev-server';
import { checkNativeModules } from './native-check';
import { setupTemporal } from './setup-temporal';
import { type Running, type Supervised, describeExit, spawnTsNode, supervise } from './supervise';
import { REPO_ROOT, findTemporalCli } from './temporal-cli';
import { BUNDLE_ENV } from './workflow-bundle';

const say = (line: string) => console.log(`[start] ${line}`);
const complain = (line: string) => console.error(`[start] ${line}`);

function loadConfigs(): { app: AppConfig; temporal: TemporalConfig } {
  try {
    return { app: loadAppConfig(), temporal: loadTemporalConfig() };
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** A bundle someone else built stands in for the bundling child: "exits" 0 when the file is there. */
function alreadyBundled(file: string): Running {
  const found = fs.existsSync(file);
  if (!found) complain(`${BUNDLE_ENV}: ${file} does not exist`);
  return { pid: 0, exited: Promise.resolve({ code: found ? 0 : 1, signal: null }), stop: async () => {} };
}

function localUrl(host: string, port: number): string {
  const shown = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host) ? 'localhost' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

async function main(): Promise<void> {
  const { app, temporal } = loadConfigs();
  checkNativeModules();

  for (const script of ['bin/worker.ts', 'bin/forwarder.ts', 'bin/web.ts']) {
    if (!fs.existsSync(path.join(REPO_ROOT, script))) {
      complain(`${script} is missing; this checkout is incomplete.`);
      process.exit(1);
    }
  }

  // Bundled in a short-lived child while Temporal starts: the worker then loads the file and never
  // carries webpack's peak (see bin/workflow-bundle.ts). Every start bundles afresh, so it matches the
  // code, unless BREACHLINE_WORKFLOW_BUNDLE already names a bundle built from this checkout (a deployment
  // image or a test run that bundles once for many starts).
  const given = process.env[BUNDLE_ENV];
  const bundleFile = given ? path.resolve(given) : path.join(app.dataDir, 'workflow-bundle.js');
  const bundler = given
    ? alreadyBundled(bundleFile)
    : spawnTsNode({
        name: 'bundle',
        script: 'bin/workflow-bundle.ts',
        args: [bundleFile],
        cwd: REPO_ROOT,
        env: process.env,
      });

  const services: Supervised[] = [];
  let shuttingDown = false;
  let temporalQuiet = false;

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping web, forwarder and worker ...');
    await bundler.stop();
    const temporalService = services.find((s) => s.name === 'temporal');
    await Promise.all(services.filter((s) => s !== temporalService).map((s) => s.stop()));
    if (temporalService) {
      say('stopping Temporal ...');
      // Its shutdown is a burst of "failed to poll" warnings from its internal workers; only errors matter now.
      temporalQuiet = true;
      await temporalService.stop();
    }
    say('stopped');
    process.exit(code);
  };
  let firstSignalAt = 0;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      // One Ctrl-C under `npm start` arrives several times within milliseconds (the terminal
      // signals the whole group and npm and tsx relay it), so only a later one means "hurry".
      if (firstSignalAt === 0) firstSignalAt = Date.now();
      else if (sig === 'SIGINT' && Date.now() - firstSignalAt > 1000) {
        complain('second Ctrl-C: killing everything now');
        process.exit(130); // the exit hooks SIGKILL every child
      }
      void shutdown(0);
    });
  }
  const giveUp = (message: string) => {
    complain(message);
    void shutdown(1);
  };

  let temporalLine: string;
  if (temporal.external) {
    temporalLine = `  Temporal:     ${temporal.address} (external), namespace ${temporal.namespace}`;
  } else {
    const cli = findTemporalCli() ?? (await setupTemporal(say));
    if (!cli) process.exit(1);
    // The dev server's Web UI asks the app to open encrypted payloads for a logged-in admin.
    const codecEndpoint = `${localUrl(app.host, app.port)}/codec`;
    const temporalLog = (line: string) => {
      if (!temporalQuiet || /level=(ERROR|FATAL)/.test(line)) console.log(`[temporal] ${line}`);
    };
    const startTemporal = async (): Promise<Running> => {
      const restarted = await startDevServer(temporal, { cliPath: cli, log: temporalLog, codecEndpoint });
      say(`Temporal is back up at ${restarted.address}`);
      return restarted;
    };
    say(`starting Temporal dev server (${temporal.dev.dbFile}) ...`);
    const server = await startDevServer(temporal, { cliPath: cli, log: temporalLog, codecEndpoint });
    if (shuttingDown) {
      await server.stop();
      return;
    }
    say(
      `Temporal is up at ${server.address}; namespace "${temporal.namespace}" keeps closed workflows ${temporal.dev.retentionDays} days`,
    );
    temporalLine = `  Temporal UI:  ${server.uiUrl ?? `none (headless); gRPC at ${server.address}`}`;
    services.push(supervise({ name: 'temporal', start: startTemporal, initial: server, log: say, onGiveUp: giveUp }));
  }

  const bundled = await bundler.exited;
  if (shuttingDown) return;
  if (bundled.code !== 0)
    complain(`bundling the workflow code failed (${describeExit(bundled)}); the worker bundles it itself`);
  const workerEnv: NodeJS.ProcessEnv = { ...process.env, [BUNDLE_ENV]: bundled.code === 0 ? bundleFile : undefined };

  // The worker, the forwarder and the web server read the same environment and so find the same Temporal.
  for (const name of ['worker', 'forwarder', 'web'] as const) {
    const start = async () =>
      spawnTsNode({ name, script: `bin/${name}.ts`, cwd: REPO_ROOT, env: name === 'worker' ? workerEnv : process.env });
    services.push(supervise({ name, start, log: say, onGiveUp: giveUp }));
  }

  console.log(
    [
      '',
      'Breachline is running',
      `  Web:          ${app.publicUrl ?? localUrl(app.host, app.port)}`,
      temporalLine,
      `  Data:         ${app.dataDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  complain(err instanceof ConfigError ? `Configuration error: ${err.message}` : (err as Error).message);
  process.exit(1);
});
