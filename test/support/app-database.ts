// The database of an app run as child processes (app-process.ts). SQLite needs nothing: the app
// makes its file in the data directory. PostgreSQL is a fresh, empty database of the run's cluster,
// so the app's first start runs the migrations itself, and the keys every host of a PostgreSQL
// installation must share come from the environment, as app.config.ts requires.
import { randomBytes } from 'node:crypto';
import type { Engine } from '../../store/connection';
import { openTestDb } from './test-db';

export interface AppDatabase {
  engine: Engine;
  /** Variables for every process of the installation (empty on SQLite). */
  env: Record<string, string>;
  /** Removes the PostgreSQL database; nothing on SQLite (the data directory goes with the app). */
  drop(): Promise<void>;
}

export async function appDatabase(engine: Engine): Promise<AppDatabase> {
  if (engine === 'sqlite') return { engine, env: {}, drop: async () => undefined };
  const t = await openTestDb('postgres', 'app', { migrate: false });
  // The test's own pool is not needed: a test reads through the app's configuration (loadAppConfig(app.env)).
  await t.db.close();
  return {
    engine,
    env: {
      BREACHLINE_DATABASE_URL: t.url!,
      BREACHLINE_SECRETS_KEY: randomBytes(32).toString('base64'),
      BREACHLINE_PAYLOAD_KEY: randomBytes(32).toString('base64'),
    },
    drop: () => t.drop(),
  };
}
