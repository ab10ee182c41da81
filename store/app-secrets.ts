// Secrets the app makes for itself and keeps in the settings table, so every
// process sharing the data dir signs with the same one.
import type { Db } from './connection';

export async function findSessionSecret(db: Db): Promise<string | undefined> {
  const row = await db.get<{ value_json: string }>("SELECT value_json FROM settings WHERE key = 'session_secret'");
  return row ? (JSON.parse(row.value_json) as string) : undefined;
}

/** Keeps the first secret written: a process that lost the race reads the winner's. */
export async function saveSessionSecretOnce(db: Db, secret: string, at: string): Promise<void> {
  await db.run(
    "INSERT INTO settings (key, value_json, updated_at) VALUES ('session_secret', ?, ?) ON CONFLICT (key) DO NOTHING",
    [JSON.stringify(secret), at],
  );
}

/** A named secret the app made for itself (settings table); the first written wins a race. */
export async function appSecretOnce(db: Db, key: string, make: () => string, at: string): Promise<string> {
  await db.run('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING', [
    key,
    JSON.stringify(make()),
    at,
  ]);
  const row = await db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [key]);
  return JSON.parse(row!.value_json) as string;
}
