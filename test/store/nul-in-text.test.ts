// U+0000 in text: PostgreSQL cannot store it and SQLite can, so both engines refuse it alike,
// before the statement runs; the web answers 400 instead of a 500 on one engine (found by the API
// fuzz test on PostgreSQL: a search and a hold reason holding a NUL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { insertHoldTx, latestHold } from '../../store/holds';
import { listIncidentRows } from '../../store/incident-list';
import { NulInTextError } from '../../store/text-values';
import { errorHandler } from '../../server/errors';
import { createLogger } from '../../lib/logger';
import { insertTestIncident } from '../support/incident-row';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

const hold = (reason: string) => ({
  id: `hold-${reason.length}`,
  incidentId: 'inc-nul',
  source: 'law_enforcement',
  agency: null,
  caseReference: null,
  form: 'written',
  reason,
  reviewEveryDays: 14,
  placedAt: new Date().toISOString(),
  placedBy: 'u',
});

describe.each(testEngines())('text with U+0000 on %s', (engine) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb(engine, 'nul');
    await insertTestIncident(t.db, 'inc-nul');
  });
  afterEach(() => t.drop());

  it('is refused in a write, and the transaction leaves nothing behind', async () => {
    await expect(t.db.transaction((tx) => insertHoldTx(tx, hold('before\u0000after')))).rejects.toBeInstanceOf(
      NulInTextError,
    );
    expect(await latestHold(t.db, 'inc-nul')).toBeUndefined();
    // The same text without it is stored.
    await t.db.transaction((tx) => insertHoldTx(tx, hold('before after')));
    expect((await latestHold(t.db, 'inc-nul'))?.reason).toBe('before after');
  });

  it('is refused in a search, and a search without it still answers', async () => {
    const viewer = { admin: true, userId: null };
    await expect(listIncidentRows(t.db, viewer, { q: 'a\u0000b', limit: 10 })).rejects.toBeInstanceOf(NulInTextError);
    expect(await listIncidentRows(t.db, viewer, { q: 'ab', limit: 10 })).toEqual([]);
  });
});

describe('the web', () => {
  it('answers 400 with the reason, not 500', async () => {
    const app = express();
    app.get('/x', () => {
      throw new NulInTextError();
    });
    app.use(errorHandler(createLogger('test', 'silent')));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'text must not contain the NUL character (U+0000)', field: null });
    } finally {
      server.close();
    }
  });
});
