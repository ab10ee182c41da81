// A closed send gate (a hold, a withdrawn approval, a close) stops a data-subject wave that
// is already running: after the gate row is written only the requests already claimed go out,
// the page says it was gated, nothing is left claimed, and a reopened gate finishes the wave
// with every person told exactly once. Fallbacks and uncertain re-sends stop the same way.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { writeSendGateTx } from '../../store/send-gates';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';

const SID = `AC${'d'.repeat(32)}`;
const TOKEN = 'twilio-test-token-0123456789';
/** activities/send-notice-page.ts: SMS_LANES rows at most are claimed and not yet finished at any time. */
const SMS_LANES = 64;

let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;
let seq = 0;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('send-gate-hold'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
});
afterAll(async () => {
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const activities = () =>
  createActivities({
    db,
    email: createSendGridProvider({
      apiKey: 'SG.key',
      fromEmail: 'notices@breachline.example',
      baseUrl: sendgrid.url,
      timeoutMs: 2000,
    }),
    sms: createTwilioProvider({
      accountSid: SID,
      authToken: TOKEN,
      fromNumber: '+14155550100',
      baseUrl: twilio.url,
      timeoutMs: 2000,
    }),
    logger: createLogger('test', 'silent'),
    baseUrl: 'http://localhost',
    uncertainWaitMs: 0,
  });

const setGate = (incidentId: string, allowedVersion: string | null, reason: string | null) =>
  db.transaction((tx) => writeSendGateTx(tx, { incidentId, allowedVersion, reason }));

const newIncidentId = () => `01JGATEHOLD${String(++seq).padStart(15, '0')}`;

const statusCounts = async (incidentId: string) =>
  Object.fromEntries(
    (
      await db.all<{ status: string; n: number }>(
        'SELECT status, COUNT(*) AS n FROM outbox WHERE incident_id = ? GROUP BY status',
        [incidentId],
      )
    ).map((r) => [r.status, r.n]),
  );

describe('a send gate closing mid-wave', () => {
  it('stops an email page after the batch in flight, and a reopened gate tells each person once', async () => {
    const N = 2500;
    const incidentId = newIncidentId();
    const people = makePeople(N, { prefix: `mailhold${seq}-` });
    const ids = await seedIncident(db, incidentId, people);
    await setGate(incidentId, NOTICE_VERSION, null);
    const addresses = new Set(people.map((p) => p.email!));
    const ours = () => sendgrid.received.filter((m) => addresses.has(m.to)).length;

    // The gate closes when the first batch reaches SendGrid: that batch is the one in flight.
    let closing: Promise<void> | null = null;
    const push = sendgrid.received.push.bind(sendgrid.received);
    sendgrid.received.push = (...items) => {
      const n = push(...items);
      if (closing === null) closing = setGate(incidentId, null, 'hold');
      return n;
    };
    const page = { incidentId, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[ids.length - 1]! };
    let first;
    try {
      first = await activities().sendNoticePage({ ...page, channelPolicy: 'email' });
    } finally {
      sendgrid.received.push = push;
    }
    await closing;
    const total = ours();
    const batches = new Set(sendgrid.received.filter((m) => addresses.has(m.to)).map((m) => m.messageId)).size;
    console.log(
      `send gate (email): ${total} people in ${batches} request(s) reached SendGrid of ${N} (bound: one batch, 1,000)`,
    );
    expect(first).toMatchObject({ gated: true });
    expect(batches).toBe(1);
    expect(total).toBeLessThanOrEqual(1000);
    expect(first!.sent).toBe(total);
    const counts = await statusCounts(incidentId);
    expect(counts.claimed).toBeUndefined();

    await setGate(incidentId, NOTICE_VERSION, null);
    const second = await activities().sendNoticePage({ ...page, channelPolicy: 'email' });
    expect(second.gated).toBeUndefined();
    expect(second.sent).toBe(N - total);
    for (const a of addresses) expect(sendgrid.countFor(a)).toBe(1);
  });

  it('stops the SMS page within the claimed lanes, leaves nothing claimed, and a reopened gate tells each person once', async () => {
    const N = 400;
    const K = 40;
    const incidentId = newIncidentId();
    const people = makePeople(N, { phoneOnlyEvery: 1, prefix: `hold${seq}-` });
    const ids = await seedIncident(db, incidentId, people);
    await setGate(incidentId, NOTICE_VERSION, null);
    const phones = new Set(people.map((p) => p.phone!));
    const ours = () => twilio.received.filter((m) => phones.has(m.to)).length;

    // The stand-in closes the gate when the K-th request arrives: the workflow's hold, as a row.
    twilio.setMode({ delayMs: 15 });
    const before = twilio.received.length;
    let closing: Promise<void> | null = null;
    let atClose = -1;
    const push = twilio.received.push.bind(twilio.received);
    twilio.received.push = (...items) => {
      const n = push(...items);
      if (closing === null && n - before >= K) {
        closing = setGate(incidentId, null, 'hold').then(() => {
          atClose = ours();
        });
      }
      return n;
    };
    const page = { incidentId, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[ids.length - 1]! };
    let first;
    try {
      first = await activities().sendNoticePage({ ...page, channelPolicy: 'sms_fallback' });
    } finally {
      twilio.received.push = push;
      twilio.setMode({ delayMs: 0 });
    }
    await closing;
    const total = ours();
    console.log(
      `send gate: closed at request ${K} (committed with ${atClose} received); ${total} received in all: ` +
        `${total - K} after the K-th arrived, ${total - atClose} after the gate row was committed (bound ${SMS_LANES})`,
    );
    expect(first).toMatchObject({ rows: N, gated: true });
    expect(first!.sent).toBe(total);
    expect(total).toBeGreaterThanOrEqual(K);
    expect(total).toBeLessThanOrEqual(K + SMS_LANES);
    expect(total).toBeLessThan(N);
    const counts = await statusCounts(incidentId);
    expect(counts.claimed).toBeUndefined();
    // Claimed rows whose turn came after the close took their last look and went back to pending, unsent.
    expect(counts).toEqual(counts.pending ? { sent: total, pending: counts.pending } : { sent: total });

    // Closed, a new page sends nothing at all.
    const blocked = await activities().sendNoticePage({ ...page, channelPolicy: 'sms_fallback' });
    expect(blocked).toMatchObject({ sent: 0, gated: true });
    expect(ours()).toBe(total);

    // Reopened: the rest are told, and nobody twice.
    await setGate(incidentId, NOTICE_VERSION, null);
    const second = await activities().sendNoticePage({ ...page, channelPolicy: 'sms_fallback' });
    expect(second.gated).toBeUndefined();
    expect(second.sent).toBe(N - total);
    for (const phone of phones) expect(twilio.countFor(phone)).toBe(1);
    expect(await statusCounts(incidentId)).toEqual({ sent: N });
  });

  it('stops an SMS fallback already running when the gate closes, and a reopened gate finishes it once each', async () => {
    const N = 200;
    const K = 30;
    const incidentId = newIncidentId();
    const people = makePeople(N, { prefix: `fb${seq}-` }).map((p, i) => ({
      ...p,
      phone: `+4916${100000000 + i}${seq}`,
    }));
    const ids = await seedIncident(db, incidentId, people);
    const acts = activities();
    const page = { incidentId, noticeVersion: NOTICE_VERSION, fromId: ids[0]!, toId: ids[ids.length - 1]! };
    expect(await acts.sendNoticePage({ ...page, channelPolicy: 'sms_fallback' })).toMatchObject({ sent: N });
    await db.run("UPDATE outbox SET status = 'bounced' WHERE incident_id = ?", [incidentId]);
    const phones = new Set(people.map((p) => p.phone));
    const ours = () => twilio.received.filter((m) => phones.has(m.to)).length;

    twilio.setMode({ delayMs: 15 });
    let closing: Promise<void> | null = null;
    const push = twilio.received.push.bind(twilio.received);
    twilio.received.push = (...items) => {
      const n = push(...items);
      if (closing === null && ours() >= K) closing = setGate(incidentId, null, 'closed');
      return n;
    };
    const wave = { incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback' as const };
    let first;
    try {
      first = await acts.sendFallbacks(wave);
    } finally {
      twilio.received.push = push;
      twilio.setMode({ delayMs: 0 });
    }
    await closing;
    const total = ours();
    console.log(`send gate (fallback): closed at request ${K}; ${total} received in all (bound ${K + SMS_LANES})`);
    expect(first).toEqual({ fallbacks: total, gated: true });
    expect(total).toBeLessThanOrEqual(K + SMS_LANES);
    expect(total).toBeLessThan(N);
    expect((await statusCounts(incidentId)).claimed).toBeUndefined();

    await setGate(incidentId, NOTICE_VERSION, null);
    expect(await acts.sendFallbacks(wave)).toEqual({ fallbacks: N - total });
    for (const phone of phones) expect(twilio.countFor(phone)).toBe(1);
  });

  it('stops the SMS fallback and the uncertain re-send while closed, and both go on once it reopens', async () => {
    const incidentId = newIncidentId();
    const email = `gate-fallback-${seq}@example.org`;
    const phone = '+4915199900123';
    const resendEmail = `gate-resend-${seq}@example.org`;
    const [a, b] = await seedIncident(db, incidentId, [
      { name: 'Fallback Person', email, phone, locale: 'en' },
      { name: 'Resend Person', email: resendEmail, phone: null, locale: 'en' },
    ]);
    const acts = activities();
    const page = {
      incidentId,
      noticeVersion: NOTICE_VERSION,
      fromId: a!,
      toId: b!,
      channelPolicy: 'sms_fallback' as const,
    };
    expect(await acts.sendNoticePage(page)).toMatchObject({ sent: 2 });
    // The first person's email bounced; the second's outcome is unknown and its wait is over.
    await db.run("UPDATE outbox SET status = 'bounced' WHERE incident_id = ? AND subject_id = ?", [incidentId, a]);
    await db.run(
      "UPDATE outbox SET status = 'uncertain', uncertain_at = '2000-01-01T00:00:00.000Z' WHERE incident_id = ? AND subject_id = ?",
      [incidentId, b],
    );

    await setGate(incidentId, null, 'withdrawn');
    const wave = { incidentId, noticeVersion: NOTICE_VERSION };
    expect(await acts.sendFallbacks({ ...wave, channelPolicy: 'sms_fallback' })).toEqual({ fallbacks: 0, gated: true });
    expect(await acts.resolveUncertain(wave)).toMatchObject({ resent: 0, gated: true });
    expect(await acts.summarizeNotices({ ...wave, channelPolicy: 'sms_fallback' })).toMatchObject({ gated: true });
    expect(twilio.countFor(phone)).toBe(0);
    expect(sendgrid.countFor(resendEmail)).toBe(1);
    expect(
      await db.get('SELECT status, possible_duplicate FROM outbox WHERE incident_id = ? AND subject_id = ?', [
        incidentId,
        b,
      ]),
    ).toEqual({ status: 'uncertain', possible_duplicate: 0 });

    await setGate(incidentId, NOTICE_VERSION, null);
    expect(await acts.sendFallbacks({ ...wave, channelPolicy: 'sms_fallback' })).toEqual({ fallbacks: 1 });
    expect(await acts.resolveUncertain(wave)).toMatchObject({ resent: 1 });
    expect(twilio.countFor(phone)).toBe(1);
    await expect.poll(() => sendgrid.countFor(resendEmail)).toBe(2);
    expect((await acts.summarizeNotices({ ...wave, channelPolicy: 'sms_fallback' })).gated).toBeUndefined();
  });
});
