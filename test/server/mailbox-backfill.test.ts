// Messages kept before the dev mailbox recorded their incident get it from the
// correlation ids they were sent with, or (an SMS) from the outbox row they were sent for.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../store/connection';
import { loadMigrations } from '../../store/migrations';
import { defaultTestEngine } from '../support/test-db';

let db: Db;
const INCIDENT = '01JBACKFILL0000000000000AA';
beforeAll(async () => {
  db = await openDb(':memory:');
});
afterAll(async () => {
  await db.close();
});

// A step of SQLite's migration history: PostgreSQL's schema starts at a baseline that already has
// these columns, and an installation moves to it from SQLite already migrated (migrate:to-postgres).
it.skipIf(defaultTestEngine() === 'postgres')(
  'backfills incident and outbox ids of messages kept before migration 012',
  async () => {
    const migrations = loadMigrations();
    for (const m of migrations.filter((x) => x.id < 12)) await db.exec(m.sql);
    const at = '2026-12-01T00:00:00.000Z';
    // The schema before 012 (no later columns), so the row is written as it was then.
    await db.run(
      `INSERT INTO incidents (id, title, description, severity, detected_at, occurred_at, detection_method, data_categories, created_at, created_by, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      [INCIDENT, 'Backfill', '', 'high', at, null, 'other', '[]', at, 'test', at],
    );
    const outbox = (id: string, channel: string, providerId: string) =>
      db.run(
        `INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, provider, provider_id, updated_at)
       VALUES (?, ?, 'subject', ?, ?, 'en', 'v1', 'subject-notice', 'sent', 'outbox', ?, ?)`,
        [id, INCIDENT, id, channel, providerId, at],
      );
    await outbox('out-email', 'email', 'dev-email');
    await outbox('out-sms', 'sms', 'dev-sms');
    const mailbox = (id: string, channel: string, args: string) =>
      db.run(
        'INSERT INTO dev_mailbox (id, channel, to_address, subject, html, text, custom_args_json, created_at) VALUES (?,?,?,?,?,?,?,?)',
        [id, channel, 'someone', null, null, 'text', args, at],
      );
    await mailbox('dev-email', 'email', JSON.stringify({ outboxId: 'out-email', incidentId: INCIDENT }));
    await mailbox('dev-reminder', 'email', JSON.stringify({ outboxId: 'out-email' }));
    await mailbox('dev-sms', 'sms', '{}');
    await mailbox('dev-stray', 'sms', '{}');

    await db.exec(migrations.find((x) => x.id === 12)!.sql);
    const rows = await db.all<{ id: string; incident_id: string | null; outbox_id: string | null }>(
      'SELECT id, incident_id, outbox_id FROM dev_mailbox ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'dev-email', incident_id: INCIDENT, outbox_id: 'out-email' },
      { id: 'dev-reminder', incident_id: INCIDENT, outbox_id: 'out-email' },
      { id: 'dev-sms', incident_id: INCIDENT, outbox_id: 'out-sms' },
      { id: 'dev-stray', incident_id: null, outbox_id: null },
    ]);
  },
);
