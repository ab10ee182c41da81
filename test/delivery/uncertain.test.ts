// Sends whose outcome is unknown (the request timed out after the provider took
// it) resolve themselves: an SMS found in Twilio's message list is marked sent
// and not sent again; an email with no report is re-sent once after the wait and
// flagged as a possible duplicate, so nobody is left unnotified.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { NOTICE_VERSION, openFixtureDb, seedIncident, type Person } from '../support/fan-out-fixture';
import { claimSubjectRows, pageWork } from '../../store/outbox-pages';
import { beginSendAttempt, endSendAttempt } from '../../store/send-attempts';
import { testWorkflowSource } from '../support/workflow-bundle';

const SID = `AC${'c'.repeat(32)}`;
const TOKEN = 'twilio-test-token-0123456789';
const WAIT_MS = 1500;
let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;
let connection: Connection;
let seq = 0;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('uncertain'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  await connection?.close();
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The real activities against the stand-ins, called directly (no worker); 400 ms provider timeouts. */
const activitiesWith = (apiKey: string, uncertainWaitMs = 0) =>
  createActivities({
    db,
    email: createSendGridProvider({
      apiKey,
      fromEmail: 'notices@breachline.example',
      baseUrl: sendgrid.url,
      timeoutMs: 400,
    }),
    sms: createTwilioProvider({
      accountSid: SID,
      authToken: TOKEN,
      fromNumber: '+14155550100',
      baseUrl: twilio.url,
      timeoutMs: 400,
    }),
    logger: createLogger('test', 'silent'),
    baseUrl: 'http://localhost',
    uncertainWaitMs,
  });

async function runFanOut(people: Person[], during?: () => void) {
  const incidentId = `01JUNCERTAIN${String(++seq).padStart(14, '0')}`;
  await seedIncident(db, incidentId, people);
  const activities = activitiesWith('SG.key', WAIT_MS);
  const taskQueue = uniqueTaskQueue('uncertain');
  const nc = await NativeConnection.connect({ address: testTemporalAddress() });
  const worker = await Worker.create({
    connection: nc,
    taskQueue,
    ...testWorkflowSource(),
    activities,
  });
  const client = new Client({ connection });
  const started = Date.now();
  const result = await worker.runUntil(async () => {
    const h = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
      taskQueue,
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback' }],
    });
    during?.();
    return h.result();
  });
  await nc.close();
  return { incidentId, result, elapsedMs: Date.now() - started };
}

describe('uncertain sends', () => {
  it('marks an SMS sent when Twilio lists it for that number, and does not send it again', async () => {
    twilio.setMode({ delayMs: 1200 });
    const { incidentId, result } = await runFanOut([
      { name: 'Li', email: null, phone: '+8613800000001', locale: 'zh-CN' },
    ]);
    twilio.setMode({ delayMs: 0 });
    expect(twilio.countFor('+8613800000001')).toBe(1);
    const row = await db.get<{ status: string; provider_id: string; possible_duplicate: number; attempts: number }>(
      'SELECT status, provider_id, possible_duplicate, attempts FROM outbox WHERE incident_id = ?',
      [incidentId],
    );
    expect(row).toMatchObject({
      status: 'sent',
      possible_duplicate: 0,
      attempts: 1,
      provider_id: twilio.received.find((m) => m.to === '+8613800000001')!.sid,
    });
    expect(result).toMatchObject({ sent: 1, uncertain: 0, possibleDuplicates: 0 });
  });

  it('re-sends an email with no report once after the wait, counting the attempt and flagging a possible duplicate', async () => {
    // Only the first request is slow: the re-send goes through. Counted, not timed, so a slow start
    // of the worker cannot make the first request fast too.
    sendgrid.setMode({ delayMs: 1200, delayTimes: 1 });
    const { incidentId, result, elapsedMs } = await runFanOut(
      [{ name: 'Ann', email: 'ann.uncertain@example.org', phone: null, locale: 'en' }],
      () => undefined,
    );
    expect(sendgrid.countFor('ann.uncertain@example.org')).toBe(2);
    const row = await db.get<{ status: string; possible_duplicate: number; attempts: number }>(
      'SELECT status, possible_duplicate, attempts FROM outbox WHERE incident_id = ?',
      [incidentId],
    );
    expect(row).toEqual({ status: 'sent', possible_duplicate: 1, attempts: 2 });
    expect(result).toMatchObject({ sent: 1, uncertain: 0, possibleDuplicates: 1 });
    expect(elapsedMs).toBeGreaterThanOrEqual(WAIT_MS);
  });
});

describe('a re-send of uncertain rows that fails', () => {
  /** One person whose first email timed out after the stand-in took it: the row is uncertain. */
  async function uncertainEmail(name: string, email: string) {
    const incidentId = `01JUNCERTAIN${String(++seq).padStart(14, '0')}`;
    const [subjectId] = await seedIncident(db, incidentId, [{ name, email, phone: null, locale: 'en' }]);
    const good = activitiesWith('SG.key');
    sendgrid.setMode({ delayMs: 1200 });
    await good.sendNoticePage({
      incidentId,
      noticeVersion: NOTICE_VERSION,
      fromId: subjectId!,
      toId: subjectId!,
      channelPolicy: 'email',
    });
    sendgrid.setMode({ delayMs: 0 });
    return { incidentId, good };
  }

  it('leaves its rows uncertain, never pending, and the next attempt sends them once', async () => {
    const email = 'bo.resend@example.org';
    const { incidentId, good } = await uncertainEmail('Bo', email);
    const state = () =>
      db.get<{ status: string; possible_duplicate: number }>(
        'SELECT status, possible_duplicate FROM outbox WHERE incident_id = ?',
        [incidentId],
      );
    expect(await state()).toMatchObject({ status: 'uncertain' });

    // The re-send is refused (a revoked key): the activity fails and Temporal will retry it.
    const refused = activitiesWith('SG.revoked');
    await expect(refused.resolveUncertain({ incidentId, noticeVersion: NOTICE_VERSION })).rejects.toThrow();
    expect(await state()).toMatchObject({ status: 'uncertain' });

    // The retry, with the key fixed, re-sends the row once and flags it.
    const result = await good.resolveUncertain({ incidentId, noticeVersion: NOTICE_VERSION });
    expect(result).toMatchObject({ resent: 1 });
    expect(await state()).toEqual({ status: 'sent', possible_duplicate: 1 });
    await expect.poll(() => sendgrid.countFor(email)).toBe(2);
  });

  it('picks up rows a dead attempt marked for re-send but never sent', async () => {
    const email = 'cy.resend@example.org';
    const { incidentId, good } = await uncertainEmail('Cy', email);
    // What a worker killed between marking the row for re-send and sending it leaves behind.
    await db.run("UPDATE outbox SET status = 'pending', possible_duplicate = 1 WHERE incident_id = ?", [incidentId]);
    const result = await good.resolveUncertain({ incidentId, noticeVersion: NOTICE_VERSION });
    expect(result).toMatchObject({ resent: 1 });
    expect(await db.get('SELECT status, possible_duplicate FROM outbox WHERE incident_id = ?', [incidentId])).toEqual({
      status: 'sent',
      possible_duplicate: 1,
    });
    await expect.poll(() => sendgrid.countFor(email)).toBe(2);
  });
});

describe('uncertain SMS to a shared phone', () => {
  it("is matched on the message's own text, so one person's message never marks another's unsent row", async () => {
    const incidentId = `01JUNCERTAIN${String(++seq).padStart(14, '0')}`;
    const phone = '+4915100099001';
    const [a, b] = await seedIncident(db, incidentId, [
      { name: 'Mara Household', email: null, phone, locale: 'en' },
      { name: 'Tom Household', email: null, phone, locale: 'en' },
    ]);
    // Long enough that nothing is re-sent: only the list can resolve the rows here.
    const activities = activitiesWith('SG.key', 3_600_000);
    // Mara's SMS reaches Twilio but the answer is too slow: her row is uncertain.
    twilio.setMode({ delayMs: 1200 });
    await activities.sendNoticePage({
      incidentId,
      noticeVersion: NOTICE_VERSION,
      fromId: a!,
      toId: a!,
      channelPolicy: 'sms_fallback',
    });
    twilio.setMode({ delayMs: 0 });
    await expect.poll(() => twilio.countFor(phone)).toBe(1);
    // Tom's row was claimed by a worker that died before calling Twilio: uncertain too, never sent.
    const dead = { id: 'dead-tom', activityKey: 'test/dead-tom', attempt: 1, incidentId, kind: 'page' } as const;
    await beginSendAttempt(db, dead);
    const { rows: tom } = await pageWork(
      db,
      { incidentId, noticeVersion: NOTICE_VERSION, fromId: b!, toId: b! },
      'sms_fallback',
    );
    expect(await claimSubjectRows(db, incidentId, NOTICE_VERSION, tom, dead.id)).toHaveLength(1);
    expect(await endSendAttempt(db, dead)).toBe(1);

    const result = await activities.resolveUncertain({ incidentId, noticeVersion: NOTICE_VERSION });
    expect(result).toMatchObject({ foundSent: 1, resent: 0 });
    const rows = await db.all<{ subject_id: number; status: string; provider_id: string | null }>(
      'SELECT subject_id, status, provider_id FROM outbox WHERE incident_id = ? ORDER BY subject_id',
      [incidentId],
    );
    const maraSid = twilio.received.find((m) => m.to === phone && m.body.includes('Mara'))!.sid;
    expect(rows).toEqual([
      { subject_id: a, status: 'sent', provider_id: maraSid },
      { subject_id: b, status: 'uncertain', provider_id: null },
    ]);
  });
});
