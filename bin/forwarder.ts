// The alert forwarder process: delivers the intake buffer (committed alert rows) to the incident
// workflows. Its own process under `npm start`, supervised like the web and the worker, rather than
// a loop in either: the web must answer without Temporal, and the worker's lifecycle (bundle,
// shutdown grace, restarts under load) should not stop delivery, nor delivery stop workflows.
// Killing it at any instant is safe: the rows are the truth and the workflow's high-water mark
// ignores a re-sent batch.
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadAppConfig } from '../app.config';
import {
  clientConnectionOptions,
  loadPayloadKeys,
  loadTemporalConfig,
  temporalDataConverter,
  warnIfInsecureTemporal,
} from '../temporal.config';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrations';
import { createLogger } from '../lib/logger';
import { registerRunning } from '../lib/running-processes';
import { createTemporalGateway } from '../server/temporal-gateway';
import { runForwarder } from '../server/use-cases/forward-alerts';
import { checkNativeModules } from './native-check';
import { stopWhenSupervisorDies } from './supervise';

async function main() {
  stopWhenSupervisorDies();
  checkNativeModules();
  const config = loadAppConfig();
  // Seen by migrate:to-postgres, which must not copy the SQLite file while this process writes to it.
  if (!config.databaseUrl) registerRunning(config.dataDir, 'forwarder');
  const temporal = loadTemporalConfig();
  const logger = createLogger('forwarder', config.logLevel);
  warnIfInsecureTemporal(temporal, logger);
  const db = await openDatabase(config);
  await migrate(db);
  const connection = await Connection.connect(clientConnectionOptions(temporal));
  const client = new Client({
    connection,
    namespace: temporal.namespace,
    dataConverter: temporalDataConverter(loadPayloadKeys(process.env, config.dataDir, logger)),
  });
  const gateway = createTemporalGateway(client, {
    taskQueue: temporal.taskQueue,
    updateTimeoutMs: config.updateTimeoutMs,
  });
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info(
    {
      pageSize: config.intake.forwarderPageSize,
      lingerMs: config.intake.forwarderLingerMs,
      maxLingerMs: config.intake.forwarderMaxLingerMs,
    },
    'alert forwarder started',
  );
  await runForwarder(
    { db, gateway, logger },
    {
      pageSize: config.intake.forwarderPageSize,
      concurrency: 16,
      idleMs: config.intake.forwarderIdleMs,
      lingerMs: config.intake.forwarderLingerMs,
      maxLingerMs: config.intake.forwarderMaxLingerMs,
      // Half the webhook's refusal depth: past it, drain at the base linger before senders are refused.
      lingerBacklogLimit: Math.ceil(config.intake.maxBacklog / 2),
      signal: abort.signal,
    },
  );
  await connection.close();
  await db.close();
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
