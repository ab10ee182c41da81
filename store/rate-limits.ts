// Fixed-window hit counts shared by every web server on one database. One statement per hit, so two
// servers counting the same key at once never lose a hit (the upsert holds the row's lock).
import type { Db } from './connection';

export interface HitCount {
  hits: number;
  resetAt: number;
}

/** Counts a hit in the key's window, starting a new window when the last one has ended. */
export async function countHit(db: Db, key: string, windowMs: number, nowMs: number): Promise<HitCount> {
  const rows = await db.writeAll<{ hits: number; reset_at: number }>(
    `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN rate_limit_hits.reset_at <= ? THEN 1 ELSE rate_limit_hits.hits + 1 END,
       reset_at = CASE WHEN rate_limit_hits.reset_at <= ? THEN excluded.reset_at ELSE rate_limit_hits.reset_at END
     RETURNING hits, reset_at`,
    [key, nowMs + windowMs, nowMs, nowMs],
  );
  const row = rows[0]!;
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** Takes back a hit (a request the limiter decided not to count after all). */
export const uncountHit = (db: Db, key: string) =>
  db.run('UPDATE rate_limit_hits SET hits = CASE WHEN hits > 0 THEN hits - 1 ELSE 0 END WHERE key = ?', [key]);

export const resetHits = (db: Db, key: string) => db.run('DELETE FROM rate_limit_hits WHERE key = ?', [key]);

export const deleteEndedWindows = async (db: Db, nowMs: number): Promise<number> =>
  (await db.run('DELETE FROM rate_limit_hits WHERE reset_at <= ?', [nowMs])).changes;
