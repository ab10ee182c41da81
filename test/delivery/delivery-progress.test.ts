// The progress shown per channel and the ETA, from the outbox as it stands.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { deliveryCounts } from '../../store/outbox';
import { deliveryProgress } from '../../store/delivery-progress';
import { recordNoticeWave } from '../../store/notice-waves';
import { claimSubjectRows, finishClaims, pageWork } from '../../store/outbox-pages';
import { beginSendAttempt } from '../../store/send-attempts';
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
        [
          `row${++n}`,
          INCIDENT,
          `r${n}`,
          channel,
          NOTICE_VERSION,
          status,
          new Date(now).toISOString(),
          sentAgoMs === null ? null : new Date(now - sentAgoMs).toISOString(),
        ],
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

  it('counts the people a running wave has not reached yet (they have no row) as pending', async () => {
    const incident = '01JPROGRESS000000000000002';
    await seedIncident(db, incident, [
      ...Array.from({ length: 30 }, (_, i) => ({
        name: `P${i}`,
        email: `p${i}@example.org`,
        phone: null,
        locale: 'en' as const,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `S${i}`,
        email: null,
        phone: `+4915100000${10 + i}`,
        locale: 'en' as const,
      })),
    ]);
    const ids = (
      await db.all<{ id: number }>('SELECT id FROM subjects WHERE incident_id = ? ORDER BY id', [incident])
    ).map((r) => r.id);
    await recordNoticeWave(db, incident, NOTICE_VERSION, 'sms_fallback');
    // The first page of 10 people went out.
    const { rows } = await pageWork(
      db,
      { incidentId: incident, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[9]! },
      'sms_fallback',
    );
    const attempt = {
      id: 'page-1',
      activityKey: 'test/page-1',
      attempt: 1,
      incidentId: incident,
      kind: 'page',
    } as const;
    await beginSendAttempt(db, attempt);
    const claimed = await claimSubjectRows(db, incident, NOTICE_VERSION, rows, attempt.id);
    await finishClaims(
      db,
      claimed.map((r) => r.id!),
      { status: 'sent', provider: 'sendgrid', providerId: 'x' },
      attempt.id,
    );

    const counts = await deliveryCounts(db, incident);
    expect(counts.email).toMatchObject({ sent: 10, pending: 20 });
    expect(counts.sms).toMatchObject({ sent: 0, pending: 5 });
    const p = await deliveryProgress(db, incident, counts);
    expect(p.channels.email).toEqual({ total: 30, done: 10, percent: 33 });
    expect(p.remaining).toBe(25);
  });
});
