// express-rate-limit's counts in the app's database, so a limit holds across every web server rather
// than per server (N servers would otherwise allow N times the limit).
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Db } from '../store/connection';
import { countHit, deleteEndedWindows, resetHits, uncountHit } from '../store/rate-limits';

export class SharedRateLimitStore implements Store {
  /** Counts live in the database, not in this process. */
  readonly localKeys = false;
  private windowMs = 60_000;
  private sweeper: NodeJS.Timeout | undefined;

  /** `prefix` keeps the counts of each limiter apart in the one table. */
  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.sweeper = setInterval(
      () => {
        deleteEndedWindows(this.db, Date.now()).catch(() => undefined);
      },
      Math.max(this.windowMs, 60_000),
    );
    this.sweeper.unref();
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const r = await countHit(this.db, `${this.prefix}:${key}`, this.windowMs, Date.now());
    return { totalHits: r.hits, resetTime: new Date(r.resetAt) };
  }

  async decrement(key: string): Promise<void> {
    await uncountHit(this.db, `${this.prefix}:${key}`);
  }

  async resetKey(key: string): Promise<void> {
    await resetHits(this.db, `${this.prefix}:${key}`);
  }

  shutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }
}
