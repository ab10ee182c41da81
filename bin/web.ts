// The web process: UI, API and webhooks. Startable alone (`npm run web`).
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadAppConfig } from '../app.config';
import {
  clientConnectionOptions,
  loadPayloadKeys,
  loadTemporalConfig,
  temporalDataConverter,
  warnIfInsecureTemporal,
} from '../temporal.config';
import { collationWarning, openDatabase } from '../store/database';
import { contactMasterKeys, useContactMasterKeys } from '../store/contact-keys';
import { ensureRetentionSchedule } from '../server/retention-schedule';
import { migrate } from '../store/migrations';
import { createLogger } from '../lib/logger';
import { registerRunning } from '../lib/running-processes';
import { ensureBootstrapToken } from '../server/auth';
import { createApp } from '../server/app';
import { createTemporalGateway } from '../server/temporal-gateway';
import { signalOwedFallbacks } from '../server/use-cases/delivery-reports';
import { checkNativeModules } from './native-check';
import { stopWhenSupervisorDies } from './supervise';

async function main() {
  stopWhenSupervisorDies();
  checkNativeModules();
  const config = loadAppConfig();
  // Seen by migrate:to-postgres, which must not copy the SQLite file while this process writes to it.
  if (!config.databaseUrl) registerRunning(config.dataDir, 'web');
  const temporal = loadTemporalConfig();
  const logger = createLogger('web', config.logLevel);
  warnIfInsecureTemporal(temporal, logger);
  useContactMasterKeys(contactMasterKeys(config.secretKeys, config.dataDir, logger));
  const db = await openDatabase(config);
  const collation = await collationWarning(db);
  if (collation) logger.warn(collation);
  await migrate(db);
  const generated = await ensureBootstrapToken(db, config.adminToken);
  if (generated) {
    // Printed once: only its hash is stored.
    process.stdout.write(
      `\n  Bootstrap admin API token (shown once; store it now):\n\n    ${generated}\n\n  Use it as "Authorization: Bearer <token>". People log in at http://localhost:${config.port}/login;\n  create the first admin with: npm run user:create -- --email you@example.org --role admin\n\n`,
    );
  }
  const connection = await Connection.connect(clientConnectionOptions(temporal));
  const payloadKeys = loadPayloadKeys(process.env, config.dataDir, logger);
  const client = new Client({
    connection,
    namespace: temporal.namespace,
    dataConverter: temporalDataConverter(payloadKeys),
  });
  // Best effort: the web serves without it, and the next start tries again.
  await ensureRetentionSchedule(client, temporal.taskQueue).catch((err: unknown) =>
    logger.warn({ err: (err as Error).message }, 'could not make the hourly contact-retention schedule'),
  );
  const gateway = createTemporalGateway(client, {
    taskQueue: temporal.taskQueue,
    updateTimeoutMs: config.updateTimeoutMs,
  });
  const app = await createApp({
    db,
    gateway,
    logger,
    config,
    mailboxEnabled: !config.sendgrid || !config.twilio,
    codec: { keys: payloadKeys, origins: temporal.uiOrigins },
  });
  const server = app.listen(config.port, config.host, () =>
    logger.info(
      { url: `http://${config.host}:${(server.address() as { port: number }).port}` },
      'web server listening',
    ),
  );
  // A fallback owed while Temporal was down is otherwise signalled only with the next delivery report,
  // which may never come: sweep for owed ones every minute.
  const sweep = setInterval(() => {
    signalOwedFallbacks({ db, logger, gateway }).catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'late-bounce sweep failed'),
    );
  }, 60_000);
  sweep.unref();
  const stop = () => {
    clearInterval(sweep);
    server.close(async () => {
      await connection.close();
      await db.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
