// Sessions and rate-limit counts shared through the database, as several web servers use them: each
// store instance below stands for one web server, and they share nothing but the database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import type session from 'express-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { SharedRateLimitStore } from '../../server/shared-rate-limit-store';
import { SharedSessionStore } from '../../server/shared-session-store';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

const call = <T>(fn: (cb: (err?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

const sessionData = (expires: Date, userId: string) =>
  ({ cookie: { expires, originalMaxAge: 60_000 }, userId }) as unknown as session.SessionData;

describe.each(testEngines())('on %s', (engine) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await openTestDb(engine, 'web-state');
    db = t.db;
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe('the shared session store', () => {
    it('opens on one web server a session made on another, and ending it ends it on both', async () => {
      const a = new SharedSessionStore(db);
      const b = new SharedSessionStore(db);
      try {
        await call((cb) => a.set('sid-1', sessionData(new Date(Date.now() + 60_000), 'user-7'), cb));
        const seen = await call<session.SessionData | null>((cb) => b.get('sid-1', cb));
        expect(seen).toMatchObject({ userId: 'user-7' });
        await call((cb) => b.destroy('sid-1', cb));
        expect(await call<session.SessionData | null>((cb) => a.get('sid-1', cb))).toBeNull();
      } finally {
        a.close();
        b.close();
      }
    });

    it('treats an expired session as absent, and a touch does not revive it', async () => {
      const a = new SharedSessionStore(db);
      try {
        await call((cb) => a.set('sid-old', sessionData(new Date(Date.now() - 1000), 'user-8'), cb));
        expect(await call<session.SessionData | null>((cb) => a.get('sid-old', cb))).toBeNull();
        await call((cb) => a.touch('sid-old', sessionData(new Date(Date.now() + 60_000), 'user-8'), cb));
        expect(await call<session.SessionData | null>((cb) => a.get('sid-old', cb))).toBeNull();

        await call((cb) => a.set('sid-live', sessionData(new Date(Date.now() + 1000), 'user-9'), cb));
        await call((cb) => a.touch('sid-live', sessionData(new Date(Date.now() + 3_600_000), 'user-9'), cb));
        const row = await db.get<{ expires_at: number }>('SELECT expires_at FROM web_sessions WHERE sid = ?', [
          'sid-live',
        ]);
        expect(Number(row!.expires_at)).toBeGreaterThan(Date.now() + 3_000_000);
      } finally {
        a.close();
      }
    });
  });

  describe('the shared rate-limit store', () => {
    it('loses no hit when two web servers count the same key at once', async () => {
      const a = new SharedRateLimitStore(db, 'api');
      const b = new SharedRateLimitStore(db, 'api');
      for (const s of [a, b]) s.init({ windowMs: 60_000 } as Parameters<SharedRateLimitStore['init']>[0]);
      try {
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).increment('10.0.0.1')),
        );
        expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 100 }, (_, i) => i + 1),
        );
        // Another limiter's counts for the same address are its own.
        const other = new SharedRateLimitStore(db, 'login');
        other.init({ windowMs: 60_000 } as Parameters<SharedRateLimitStore['init']>[0]);
        expect((await other.increment('10.0.0.1')).totalHits).toBe(1);
        other.shutdown();
        await a.decrement('10.0.0.1');
        expect((await b.increment('10.0.0.1')).totalHits).toBe(100);
        await b.resetKey('10.0.0.1');
        expect((await a.increment('10.0.0.1')).totalHits).toBe(1);
      } finally {
        a.shutdown();
        b.shutdown();
      }
    });

    it('starts a new window once the last one has ended', async () => {
      const s = new SharedRateLimitStore(db, 'short');
      s.init({ windowMs: 200 } as Parameters<SharedRateLimitStore['init']>[0]);
      try {
        const first = await s.increment('k');
        await s.increment('k');
        expect((await s.increment('k')).totalHits).toBe(3);
        await new Promise((r) => setTimeout(r, Math.max(0, first.resetTime!.getTime() - Date.now()) + 20));
        expect((await s.increment('k')).totalHits).toBe(1);
      } finally {
        s.shutdown();
      }
    });

    it('holds one limit across two web servers', async () => {
      const servers = [0, 1].map(() => {
        const app = express();
        app.use(rateLimit({ store: new SharedRateLimitStore(db, 'two-servers'), windowMs: 60_000, limit: 5 }));
        app.get('/', (_req, res) => {
          res.send('ok');
        });
        return http.createServer(app);
      });
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          const port = (servers[i % 2]!.address() as AddressInfo).port;
          statuses.push((await fetch(`http://127.0.0.1:${port}/`)).status);
        }
        // One server alone would allow 5 and the pair 10; shared, the sixth request is refused wherever it lands.
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      } finally {
        await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
      }
    });
  });
});
