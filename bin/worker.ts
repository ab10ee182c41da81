// The worker process: runs incident workflows and their activities. Startable
// alone (`npm run worker`) so it can be scaled and restarted apart from the web.
import { NativeConnection, Worker, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { ConfigError, loadAppConfig } from '../app.config';
import {
  loadPayloadKeys,
  loadTemporalConfig,
  temporalDataConverter,
  warnIfInsecureTemporal,
  workerConnectionOptions,
} from '../temporal.config';
import { collationWarning, openDatabase } from '../store/database';
import { contactMasterKeys, useContactMasterKeys } from '../store/contact-keys';
import { migrate } from '../store/migrations';
import { createActivities } from '../activities';
import { createProviders } from '../activities/providers';
import { createMailboxStore } from '../activities/mailbox-store';
import { createLogger } from '../lib/logger';
import { registerRunning } from '../lib/running-processes';
import { checkNativeModules } from './native-check';
import { stopWhenSupervisorDies } from './supervise';
import { workflowSource } from './workflow-bundle';

async function main() {
  stopWhenSupervisorDies();
  checkNativeModules();
  const config = loadAppConfig();
  // Seen by migrate:to-postgres, which must not copy the SQLite file while this process writes to it.
  if (!config.databaseUrl) registerRunning(config.dataDir, 'worker');
  const temporal = loadTemporalConfig();
  const logger = createLogger('worker', config.logLevel);
  warnIfInsecureTemporal(temporal, logger);
  Runtime.install({
    logger: {
      log: (level, message, meta) =>
        logger[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error')](
          { ...meta },
          message,
        ),
      trace: (m, meta) => logger.trace(meta ?? {}, m),
      debug: (m, meta) => logger.debug(meta ?? {}, m),
      info: (m, meta) => logger.info(meta ?? {}, m),
      warn: (m, meta) => logger.warn(meta ?? {}, m),
      error: (m, meta) => logger.error(meta ?? {}, m),
    },
    telemetryOptions: { logging: { forward: {}, filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });

  useContactMasterKeys(contactMasterKeys(config.secretKeys, config.dataDir, logger));
  const db = await openDatabase(config);
  const collation = await collationWarning(db);
  if (collation) logger.warn(collation);
  await migrate(db);
  const providers = createProviders(
    {
      sendgrid: config.sendgrid,
      twilio: config.twilio,
      publicUrl: config.publicUrl,
      callsPerSecond: config.calls.perSecond,
    },
    createMailboxStore(db),
  );
  const connection = await NativeConnection.connect(workerConnectionOptions(temporal));
  const worker = await Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    ...workflowSource(),
    dataConverter: temporalDataConverter(loadPayloadKeys(process.env, config.dataDir, logger)),
    activities: createActivities({
      db,
      email: providers.email,
      sms: providers.sms,
      logger,
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
      uncertainWaitMs: config.uncertainWaitMs,
      contactRetentionDays: config.contactRetentionDays,
      dataDir: config.dataDir,
      calls: providers.calls,
      callRetries: config.calls.retries,
    }),
    shutdownGraceTime: '10 seconds',
  });
  logger.info(
    {
      taskQueue: temporal.taskQueue,
      namespace: temporal.namespace,
      email: providers.email.name,
      sms: providers.sms.name,
    },
    'worker started',
  );
  await worker.run();
  await connection.close();
  await db.close();
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
