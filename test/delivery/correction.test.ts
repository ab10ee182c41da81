// A notice sent as a correction: person A was sent version v1; v2 is approved with the choice to send
// it as a correction. A v2 page then sends A the correction variant, its preface naming the day A got
// v1, and a person B whom no version told the plain v2 notice. Without the choice A gets nothing.
// Real SQLite, real claims, the local (dev mailbox) providers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import {
  createLocalEmailProvider,
  createLocalSmsProvider,
  type StoredEmail,
  type StoredSms,
} from '../../activities/providers/local-outbox';
import { formatNoticeDay, PRIOR_NOTICE_DATE_TOKEN, RECIPIENT_NAME_TOKEN } from '../../activities/render';
import { CORRECTION_AUDIENCE } from '../../store/notices';
import { pageWork } from '../../store/outbox-pages';
import { createLogger } from '../../lib/logger';
import { NOTICE_VERSION as V1, openFixtureDb, seedIncident, type Person } from '../support/fan-out-fixture';

const V2 = 'e'.repeat(64);
const V2_NOTICE = {
  subject: `Updated notice for ${RECIPIENT_NAME_TOKEN}`,
  html: `<p>Dear ${RECIPIENT_NAME_TOKEN},</p><p>V2: more data was taken &amp; here is what to do.</p>`,
  text: `Dear ${RECIPIENT_NAME_TOKEN},\nV2: more data was taken & here is what to do.`,
  sms: `V2: more data was taken. See https://breach.example/n2`,
};
const PREFACE_HTML = `<p><strong>This notice updates the one we sent you on ${PRIOR_NOTICE_DATE_TOKEN}.</strong> What has changed is in the notice below.</p>`;
const PREFACE_TEXT = `This notice updates the one we sent you on ${PRIOR_NOTICE_DATE_TOKEN}. What has changed is in the notice below.\n\n`;
const CORRECTION_NOTICE = {
  subject: `Update to our earlier notice: ${V2_NOTICE.subject}`,
  html: PREFACE_HTML + V2_NOTICE.html,
  text: PREFACE_TEXT + V2_NOTICE.text,
  sms: `Update to our message of ${PRIOR_NOTICE_DATE_TOKEN}: ${V2_NOTICE.sms}`,
};

let db: Db;
let drop: () => Promise<void>;
const emails: StoredEmail[] = [];
const texts: StoredSms[] = [];
let activities: ReturnType<typeof createActivities>;
let scenarios = 0;

beforeAll(async () => {
  ({ db, drop } = await openFixtureDb('correction'));
  let n = 0;
  activities = createActivities({
    db,
    email: createLocalEmailProvider(async (m) => {
      emails.push(m);
      return `mail-${++n}`;
    }),
    sms: createLocalSmsProvider(async (m) => {
      texts.push(m);
      return `sms-${++n}`;
    }),
    logger: createLogger('test', 'silent'),
    baseUrl: 'http://localhost',
  });
});
afterAll(async () => {
  await drop?.();
});

async function insertV2(incidentId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const [audience, n] of [
    ['individuals', V2_NOTICE],
    [CORRECTION_AUDIENCE, CORRECTION_NOTICE],
  ] as const) {
    await db.run(
      'INSERT INTO notices (incident_id, notice_version, audience, locale, channel, subject, html, text, recipients, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
      [incidentId, V2, audience, 'en', 'email', n.subject, n.html, n.text, 2, now],
    );
    await db.run(
      'INSERT INTO notices (incident_id, notice_version, audience, locale, channel, subject, html, text, recipients, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
      [incidentId, V2, audience, 'en', 'sms', null, null, n.sms, 2, now],
    );
  }
}

/** A was sent v1 (email and SMS) on 2026-11-02; B was imported afterwards. Returns their subject ids. */
async function scenario(incidentId: string, tag: string): Promise<{ a: number; b: number; a1: Person; b1: Person }> {
  const k = ++scenarios;
  const a1: Person = { name: 'Ann <A>', email: `a.${tag}@example.org`, phone: `+49151000${k}001`, locale: 'en' };
  const b1: Person = { name: 'Ben', email: `b.${tag}@example.org`, phone: `+49151000${k}002`, locale: 'en' };
  const [a] = await seedIncident(db, incidentId, [a1]);
  await activities.sendNoticePage({ incidentId, noticeVersion: V1, fromId: a!, toId: a!, channelPolicy: 'both' });
  await db.run(
    "UPDATE outbox SET sent_at = '2026-11-02T09:15:00.000Z', status = 'delivered' WHERE incident_id = ? AND notice_version = ? AND channel = 'email'",
    [incidentId, V1],
  );
  await db.run(
    "UPDATE outbox SET sent_at = '2026-11-01T09:15:00.000Z' WHERE incident_id = ? AND notice_version = ? AND channel = 'sms'",
    [incidentId, V1],
  );
  const [b] = await db.writeAll<{ id: number }>(
    "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?,?,?,?,'DE','en','imp_test','kb') RETURNING id",
    [incidentId, b1.name, b1.email, b1.phone],
  );
  await insertV2(incidentId);
  return { a: a!, b: b!.id, a1, b1 };
}

describe('a v2 page sent as a correction', () => {
  it('sends A, told by v1, the correction variant and B the plain v2 notice', async () => {
    const incidentId = '01JCORRECTIONYES0000000000';
    const { a, b, a1, b1 } = await scenario(incidentId, 'yes');
    expect(emails.filter((m) => m.to === a1.email)).toHaveLength(1);

    // pageWork exposes the time of the latest row of another version that told the person.
    const { rows } = await pageWork(
      db,
      { incidentId, noticeVersion: V2, fromId: a, toId: b, correction: true },
      'both',
    );
    expect(rows.filter((r) => r.subject_id === a).map((r) => r.priorVersionAt)).toEqual([
      '2026-11-02T09:15:00.000Z',
      '2026-11-02T09:15:00.000Z',
    ]);
    expect(rows.filter((r) => r.subject_id === b).map((r) => r.priorVersionAt)).toEqual([null, null]);

    const result = await activities.sendNoticePage({
      incidentId,
      noticeVersion: V2,
      fromId: a,
      toId: b,
      channelPolicy: 'both',
      correction: true,
    });
    expect(result).toMatchObject({ rows: 4, sent: 4, failed: 0, uncertain: 0 });

    const day = formatNoticeDay('2026-11-02T09:15:00.000Z', 'en');
    expect(day).toBe('November 2, 2026');
    const toA = emails.filter((m) => m.to === a1.email);
    expect(toA).toHaveLength(2);
    const corr = toA[1]!;
    expect(corr.subject).toBe('Update to our earlier notice: Updated notice for Ann <A>');
    expect(corr.html).toBe(
      `<p><strong>This notice updates the one we sent you on ${day}.</strong> What has changed is in the notice below.</p>` +
        '<p>Dear Ann &lt;A&gt;,</p><p>V2: more data was taken &amp; here is what to do.</p>',
    );
    expect(corr.text.startsWith(`This notice updates the one we sent you on ${day}.`)).toBe(true);
    expect(corr.text).toContain('Dear Ann <A>,\nV2: more data was taken & here is what to do.');
    const smsA = texts.filter((m) => m.to === a1.phone);
    expect(smsA).toHaveLength(2);
    expect(smsA[1]!.body).toBe(`Update to our message of ${day}: ${V2_NOTICE.sms}`);

    const toB = emails.filter((m) => m.to === b1.email);
    expect(toB).toHaveLength(1);
    expect(toB[0]!.subject).toBe('Updated notice for Ben');
    expect(toB[0]!.html).toBe('<p>Dear Ben,</p><p>V2: more data was taken &amp; here is what to do.</p>');
    expect(toB[0]!.text).not.toContain('updates');
    expect(texts.filter((m) => m.to === b1.phone).map((m) => m.body)).toEqual([V2_NOTICE.sms]);

    // The outbox records which rows went out as a correction.
    const marked = await db.all<{ subject_id: number; channel: string; is_correction: number; status: string }>(
      'SELECT subject_id, channel, is_correction, status FROM outbox WHERE incident_id = ? AND notice_version = ? ORDER BY subject_id, channel',
      [incidentId, V2],
    );
    expect(marked).toEqual([
      { subject_id: a, channel: 'email', is_correction: 1, status: 'sent' },
      { subject_id: a, channel: 'sms', is_correction: 1, status: 'sent' },
      { subject_id: b, channel: 'email', is_correction: 0, status: 'sent' },
      { subject_id: b, channel: 'sms', is_correction: 0, status: 'sent' },
    ]);
    const v1Rows = await db.all<{ is_correction: number }>(
      'SELECT is_correction FROM outbox WHERE incident_id = ? AND notice_version = ?',
      [incidentId, V1],
    );
    expect(v1Rows.map((r) => r.is_correction)).toEqual([0, 0]);

    // A repeated page sends nobody anything again.
    const again = await activities.sendNoticePage({
      incidentId,
      noticeVersion: V2,
      fromId: a,
      toId: b,
      channelPolicy: 'both',
      correction: true,
    });
    expect(again).toMatchObject({ rows: 0, sent: 0 });
  });

  it('without the correction choice sends A nothing and B the plain v2 notice', async () => {
    const incidentId = '01JCORRECTIONNO00000000000';
    const { a, b, a1, b1 } = await scenario(incidentId, 'no');
    const before = {
      email: emails.filter((m) => m.to === a1.email).length,
      sms: texts.filter((m) => m.to === a1.phone).length,
    };
    const result = await activities.sendNoticePage({
      incidentId,
      noticeVersion: V2,
      fromId: a,
      toId: b,
      channelPolicy: 'both',
    });
    expect(result).toMatchObject({ rows: 2, sent: 2 });
    expect(emails.filter((m) => m.to === a1.email)).toHaveLength(before.email);
    expect(texts.filter((m) => m.to === a1.phone)).toHaveLength(before.sms);
    const toB = emails.filter((m) => m.to === b1.email);
    expect(toB.map((m) => m.subject)).toEqual(['Updated notice for Ben']);
    expect(texts.filter((m) => m.to === b1.phone).map((m) => m.body)).toEqual([V2_NOTICE.sms]);
    for (const m of [...emails, ...texts]) expect(JSON.stringify(m)).not.toContain(PRIOR_NOTICE_DATE_TOKEN);
  });

  it('a version rendered without correction variants sends A its plain notice, not marked a correction', async () => {
    const incidentId = '01JCORRECTIONOLD0000000000';
    const { a, b, a1 } = await scenario(incidentId, 'old');
    await db.run('DELETE FROM notices WHERE incident_id = ? AND audience = ?', [incidentId, CORRECTION_AUDIENCE]);
    await activities.sendNoticePage({
      incidentId,
      noticeVersion: V2,
      fromId: a,
      toId: b,
      channelPolicy: 'email',
      correction: true,
    });
    const toA = emails.filter((m) => m.to === a1.email);
    expect(toA.at(-1)!.subject).toBe('Updated notice for Ann <A>');
    const row = await db.get<{ is_correction: number }>(
      'SELECT is_correction FROM outbox WHERE incident_id = ? AND notice_version = ? AND subject_id = ?',
      [incidentId, V2, a],
    );
    expect(row?.is_correction).toBe(0);
  });

  it('an SMS fallback for a correction email that bounced goes as a correction too', async () => {
    const incidentId = '01JCORRECTIONFALLBACK00000';
    const { a, b, a1, b1 } = await scenario(incidentId, 'fallback');
    const wave = { incidentId, noticeVersion: V2, channelPolicy: 'sms_fallback' as const };
    expect(await activities.sendNoticePage({ ...wave, fromId: a, toId: b, correction: true })).toMatchObject({
      sent: 2,
    });
    await db.run("UPDATE outbox SET status = 'bounced' WHERE incident_id = ? AND notice_version = ?", [incidentId, V2]);
    await activities.sendFallbacks(wave);
    const day = formatNoticeDay('2026-11-02T09:15:00.000Z', 'en');
    expect(texts.filter((m) => m.to === a1.phone).at(-1)!.body).toBe(
      `Update to our message of ${day}: ${V2_NOTICE.sms}`,
    );
    expect(texts.filter((m) => m.to === b1.phone).map((m) => m.body)).toEqual([V2_NOTICE.sms]);
    const sms = await db.all<{ subject_id: number; is_correction: number }>(
      "SELECT subject_id, is_correction FROM outbox WHERE incident_id = ? AND notice_version = ? AND channel = 'sms' ORDER BY subject_id",
      [incidentId, V2],
    );
    expect(sms).toEqual([
      { subject_id: a, is_correction: 1 },
      { subject_id: b, is_correction: 0 },
    ]);
  });
});
