// The progress shown per channel and the ETA, from the outbox as it stands.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../activities/db/connection';
import { deliveryCounts } from '../../activities/db/outbox';
import { deliveryProgress } from '../../activities/db/delivery-progress';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';

let db: Db;
let dir: string;
const INCIDENT = '01JPROGRESS000000000000001';

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('progress'));
  await seedIncident(db, INCIDENT, []);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('delivery progress', () => {
  it('gives each channel its share done and an ETA from the last minute’s send rate', async () => {
    const now = Date.parse('2026-11-26T07:00:00Z');
    let n = 0;
    const add = (channel: string, status: string, sentAgoMs: number | null) =>
      db.run(
        "INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, updated_at, sent_at) VALUES (?,?, 'subject', ?, ?, 'en', ?, 't', ?, ?, ?)",
        [`row${++n}`, INCIDENT, `r${n}`, channel, NOTICE_VERSION, status, new Date(now).toISOString(), sentAgoMs === null ? null : new Date(now - sentAgoMs).toISOString()],
      );
    // 200 emails sent over the last 20 s (10 a second), 600 waiting; one SMS failed, one waiting.
    for (let i = 0; i < 200; i++) await add('email', 'sent', 20_000 - i * 100);
    for (let i = 0; i < 600; i++) await add('email', 'pending', null);
    await add('sms', 'failed', null);
    await add('sms', 'pending', null);
    // Sent long ago: outside the rate window.
    await add('email', 'delivered', 10 * 60_000);

    const p = await deliveryProgress(db, INCIDENT, await deliveryCounts(db, INCIDENT), now);
    expect(p.channels.email).toEqual({ total: 801, done: 201, percent: 25 });
    expect(p.channels.sms).toEqual({ total: 2, done: 1, percent: 50 });
    expect(p.perSecond).toBe(10);
    expect(p.remaining).toBe(601);
    expect(p.etaSeconds).toBe(61);
  });
});
