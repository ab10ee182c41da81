// Notice by telephone call, end to end below the workflow: real SQLite, the real twilio SDK
// placing calls at the Twilio stand-in, and the stand-in reporting outcomes to the real
// status-callback route, signed with the auth token. The wave's timers are the workflow's
// (notify-subjects.ts); here each run of the activity is one tick of them, with the retry
// delay set to zero so a due retry is due at once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { createLocalEmailProvider, createTwilioProvider, createTwilioVoiceProvider } from '../../activities/providers';
import { inCallingHours } from '../../activities/calling-hours';
import { callLanguageFallbacks } from '../../activities/render/call-voices';
import { createMailboxStore } from '../../activities/mailbox-store';
import { deliveryWebhookRouter } from '../../server/routes/delivery-webhooks';
import { csvRows, importSubjects } from '../../server/use-cases/import-subjects';
import { HttpError } from '../../server/errors';
import { callLanguageNote } from '../../server/use-cases/call-languages';
import { countUnreachableSubjects } from '../../store/outbox-pages';
import { deliveryCounts } from '../../store/outbox';
import type { Db } from '../../store/connection';
import { createLogger } from '../../lib/logger';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { saveCompleteOrgProfile } from '../support/org-profile';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import type { ChannelPolicy } from '../../workflows/types';

const SID = `AC${'c411'.repeat(8)}`;
const TOKEN = 'calls-test-twilio-auth-token-0123';
const FROM = '+14155550100';
const logger = createLogger('test', 'silent');

// The stand-in rings people at any hour; the activity does not. A residence where it is daytime now.
const AWAKE = ['DE', 'JP', 'US-NY', 'US-CA', 'AU-NSW', 'IN', 'BR', 'GB'].find((j) => inCallingHours(j, Date.now()))!;
const ASLEEP = ['DE', 'JP', 'US-NY', 'US-CA', 'AU-NSW', 'IN', 'BR', 'GB'].find((j) => !inCallingHours(j, Date.now()))!;

let db: Db;
let drop: () => Promise<void>;
let twilioStandIn: TwilioStandIn;
let server: http.Server;
let publicUrl: string;
let seq = 0;

beforeAll(async () => {
  ({ db, drop } = await openFixtureDb('calls'));
  // Markup and an ampersand in the organisation's name: the TwiML must carry them escaped.
  await saveCompleteOrgProfile(db, { legalName: 'Breachline & Partners <Test>', contactPhone: '+35315550199' });
  twilioStandIn = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Only the delivery webhooks are mounted, as the app mounts them; they never reach Temporal for calls.
  const app = express();
  app.use(
    '/webhooks',
    deliveryWebhookRouter(
      { db, logger, gateway: {} as never },
      {
        publicUrl,
        sendgridWebhookPublicKey: undefined,
        twilio: { accountSid: SID, authToken: TOKEN, fromNumber: FROM, timeoutMs: 5000 } as never,
      },
    ),
  );
  server.on('request', app);
});

afterEach(() => twilioStandIn.setMode({ delayMs: 0, reject: [] }));

afterAll(async () => {
  await twilioStandIn?.close();
  await new Promise<void>((r) => server?.close(() => r()));
  await drop?.();
});

function activities(opts: { timeoutMs?: number; retries?: number } = {}) {
  const twilioCfg = {
    accountSid: SID,
    authToken: TOKEN,
    baseUrl: twilioStandIn.url,
    timeoutMs: opts.timeoutMs ?? 5000,
  };
  return createActivities({
    db,
    email: createLocalEmailProvider(createMailboxStore(db).email),
    sms: createTwilioProvider({ ...twilioCfg, fromNumber: FROM, publicUrl }),
    calls: createTwilioVoiceProvider({ ...twilioCfg, fromNumber: FROM, publicUrl, callsPerSecond: 50 }),
    logger,
    baseUrl: 'https://notices.example.org',
    callRetries: opts.retries ?? 2,
    callRetryDelayMs: 0,
    uncertainWaitMs: 60 * 60_000,
  });
}

interface Callee {
  name: string;
  phone: string;
  locale: string;
  jurisdiction?: string;
  phoneType?: 'mobile' | 'landline' | null;
  callConsent?: 0 | 1 | null;
}

async function incidentWith(people: Callee[]): Promise<{ incidentId: string; ids: number[] }> {
  const incidentId = `inc-calls-${++seq}`;
  await seedIncident(db, incidentId, []);
  const ids: number[] = [];
  for (const [i, p] of people.entries()) {
    const [r] = await db.writeAll<{ id: number }>(
      `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key, phone_type, call_consent)
       VALUES (?,?,NULL,?,?,?, 'imp_calls', ?, ?, ?) RETURNING id`,
      [
        incidentId,
        p.name,
        p.phone,
        p.jurisdiction ?? AWAKE,
        p.locale,
        `k${seq}-${i}`,
        p.phoneType ?? null,
        p.callConsent ?? null,
      ],
    );
    ids.push(r!.id);
  }
  return { incidentId, ids };
}

const place = (a: ReturnType<typeof activities>, incidentId: string, channelPolicy: ChannelPolicy = 'call') =>
  a.placeCalls({ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy });

async function callRow(incidentId: string, subjectId: number) {
  return db.get<{
    status: string;
    call_outcome: string | null;
    attempts: number;
    provider_id: string | null;
    possible_duplicate: number;
  }>(
    "SELECT status, call_outcome, attempts, provider_id, possible_duplicate FROM outbox WHERE incident_id = ? AND subject_id = ? AND channel = 'call'",
    [incidentId, subjectId],
  );
}

describe('telephone calls', () => {
  it('calls a landline-only person in their language, with the name and texts escaped, the page and the number', async () => {
    const phone = '+4930555010001';
    const { incidentId } = await incidentWith([
      { name: 'Jürgen <b>"Ärger"</b> & Söhne', phone, locale: 'de-DE', phoneType: 'landline' },
    ]);
    const r = await place(activities(), incidentId);
    expect(r.placed).toBe(1);
    const [call] = twilioStandIn.callsTo(phone);
    expect(call).toBeDefined();
    expect(call!.from).toBe(FROM);
    expect(call!.machineDetection).toBe('DetectMessageEnd');
    expect(call!.statusCallback).toMatch(new RegExp(`^${publicUrl}/webhooks/twilio/calls\\?o=`));
    const twiml = call!.twiml;
    expect(twiml).toMatch(/^<Response>/);
    expect(twiml).toContain('<Say voice="Polly.Vicki" language="de-DE">');
    expect(twiml).toContain('Jürgen &lt;b&gt;&quot;Ärger&quot;&lt;/b&gt; &amp; Söhne');
    expect(twiml).toContain('Breachline &amp; Partners &lt;Test&gt;');
    expect(twiml).not.toMatch(/<b>|& |<Test>/);
    expect(twiml).toContain('notices.example.org/public/notices/' + incidentId);
    expect(twiml).toContain('3 5 3 1 5 5 5 0 1 9 9');
    // Read, then read once more.
    expect(twiml.split('Die vollständige Mitteilung').length - 1).toBe(2);
    expect(twiml).toContain('Ich wiederhole diese Nachricht');
  });

  it('places the next call when nobody answered, and stops once a person answers', async () => {
    const phone = '+4930555010002';
    const { incidentId, ids } = await incidentWith([
      { name: 'Erika Muster', phone, locale: 'de', phoneType: 'landline' },
    ]);
    const a = activities();
    await place(a, incidentId);
    const first = twilioStandIn.callsTo(phone)[0]!;
    expect(await twilioStandIn.reportCall(first.sid, 'no-answer')).toBe(200);
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'failed', call_outcome: 'no-answer' });

    const again = await place(a, incidentId);
    expect(again.placed).toBe(1);
    const calls = twilioStandIn.callsTo(phone);
    expect(calls).toHaveLength(2);
    // A late or repeated report of the first call does not touch the second.
    await twilioStandIn.reportCall(first.sid, 'busy');
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'sent', attempts: 2 });

    expect(await twilioStandIn.reportCall(calls[1]!.sid, 'completed', 'human')).toBe(200);
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'delivered', call_outcome: 'human' });
    const done = await place(a, incidentId);
    expect(done.placed).toBe(0);
    expect(done.nextCheckInMs).toBeNull();
    expect(twilioStandIn.callsTo(phone)).toHaveLength(2);
    // The incident page's delivery table counts the call as delivered: a person answered.
    expect((await deliveryCounts(db, incidentId)).call).toMatchObject({ delivered: 1, failed: 0, pending: 0 });
  });

  it('takes an answering machine as not reached: retried, and after the last retry the person counts for the substitute notice', async () => {
    const phone = '+4930555010003';
    const { incidentId, ids } = await incidentWith([
      { name: 'Max Muster', phone, locale: 'de', phoneType: 'landline' },
    ]);
    const a = activities({ retries: 1 });
    await place(a, incidentId);
    await twilioStandIn.reportCall(twilioStandIn.callsTo(phone)[0]!.sid, 'completed', 'machine_end_beep');
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'failed', call_outcome: 'machine' });
    await place(a, incidentId);
    await twilioStandIn.reportCall(twilioStandIn.callsTo(phone)[1]!.sid, 'completed', 'machine_end_silence');
    const last = await place(a, incidentId);
    expect(last.placed).toBe(0);
    expect(last.nextCheckInMs).toBeNull();
    expect(twilioStandIn.callsTo(phone)).toHaveLength(2);
    expect(await countUnreachableSubjects(db, incidentId, NOTICE_VERSION)).toBe(1);
  });

  it('under sms_or_call, calls the person whose SMS Twilio refused as not a mobile (21614)', async () => {
    const phone = '+4930555010004';
    const { incidentId, ids } = await incidentWith([{ name: 'Hans Festnetz', phone, locale: 'en' }]);
    twilioStandIn.setMode({ reject: [{ to: phone, code: 21614 }] });
    const a = activities();
    const page = await a.sendNoticePage({
      incidentId,
      noticeVersion: NOTICE_VERSION,
      channelPolicy: 'sms_or_call',
      fromId: ids[0]!,
      toId: ids[0]!,
    });
    expect(page.failed).toBe(1);
    expect(twilioStandIn.countFor(phone)).toBe(0);
    const r = await place(a, incidentId, 'sms_or_call');
    expect(r.placed).toBe(1);
    expect(twilioStandIn.callsTo(phone)[0]!.twiml).toContain('<Say voice="Polly.Joanna" language="en-US">');
  });

  it('calls a mobile only where the person consented, and nobody outside calling hours', async () => {
    const { incidentId } = await incidentWith([
      { name: 'No Consent', phone: '+4915155010005', locale: 'de', phoneType: 'mobile' },
      { name: 'Unknown Line', phone: '+4915155010006', locale: 'de' },
      { name: 'Consented', phone: '+4915155010007', locale: 'de', phoneType: 'mobile', callConsent: 1 },
      { name: 'Night Owl', phone: '+4930555010008', locale: 'de', phoneType: 'landline', jurisdiction: ASLEEP },
    ]);
    const r = await place(activities(), incidentId);
    expect(twilioStandIn.callsTo('+4915155010005')).toHaveLength(0);
    expect(twilioStandIn.callsTo('+4915155010006')).toHaveLength(0);
    expect(twilioStandIn.callsTo('+4915155010007')).toHaveLength(1);
    expect(twilioStandIn.callsTo('+4930555010008')).toHaveLength(0);
    expect(r.outsideHours).toBe(1);
    expect(r.nextCheckInMs).toBeGreaterThan(0);
  });

  it('never places a call twice when the answer to placing it was lost: the row is uncertain until its callback', async () => {
    const phone = '+4930555010009';
    const { incidentId, ids } = await incidentWith([
      { name: 'Lost Answer', phone, locale: 'de', phoneType: 'landline' },
    ]);
    // Twilio takes the call but its answer arrives after our timeout: placed, and we cannot know.
    twilioStandIn.setMode({ delayMs: 1500 });
    const a = activities({ timeoutMs: 300 });
    const r = await place(a, incidentId);
    expect(r.uncertain).toBe(1);
    expect(twilioStandIn.callsTo(phone)).toHaveLength(1);
    twilioStandIn.setMode({ delayMs: 0 });
    const again = await place(a, incidentId);
    expect(again.placed).toBe(0);
    expect(twilioStandIn.callsTo(phone)).toHaveLength(1);
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'uncertain', possible_duplicate: 0 });
    // The call's own report settles it.
    await twilioStandIn.reportCall(twilioStandIn.callsTo(phone)[0]!.sid, 'completed', 'human');
    expect(await callRow(incidentId, ids[0]!)).toMatchObject({ status: 'delivered', call_outcome: 'human' });
  });

  it('refuses a callback whose signature is not Twilio’s', async () => {
    const res = await fetch(`${publicUrl}/webhooks/twilio/calls?o=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      body: 'CallSid=CA1&CallStatus=completed&AnsweredBy=human',
    });
    expect(res.status).not.toBe(200);
  });

  it('refuses an import whose phoneType is neither mobile nor landline, naming the column and row; nobody is imported', async () => {
    const incidentId = `inc-calls-${++seq}`;
    await seedIncident(db, incidentId, []);
    const csv =
      'name,phone,jurisdiction,locale,phoneType,callConsent\nA,+4930555010010,DE,de,landline,\nB,+4915155010011,DE,de,cell,yes\n';
    const ctx = { db, logger, gateway: {} as never, baseUrl: publicUrl, publicLink: {} as never };
    const err = await importSubjects(
      ctx,
      incidentId,
      { csv: Readable.from([csv]) },
      { kind: 'system', id: 'test' } as never,
      null,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 400, field: 'phoneType' });
    expect((err as Error).message).toContain('row 2');
    expect(
      (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM subjects WHERE incident_id = ?', [incidentId]))!.n,
    ).toBe(0);
  });

  it('keeps phoneType and callConsent from the CSV on the person', async () => {
    const incidentId = `inc-calls-${++seq}`;
    await seedIncident(db, incidentId, []);
    const csv =
      'name,phone,jurisdiction,locale,PhoneType,callConsent\nA,+4930555010012,DE,de,Landline,\nB,+4915155010013,DE,de,mobile,yes\n';
    const rows: Record<string, unknown>[] = [];
    for await (const r of csvRows(Readable.from([csv]))) rows.push(r);
    expect(rows[0]).toMatchObject({ phoneType: 'Landline' });
    const ctx = {
      db,
      logger,
      gateway: { update: async () => ({ stage: 'assess', stateVersion: 1 }) } as never,
      baseUrl: publicUrl,
      publicLink: {} as never,
    };
    await importSubjects(ctx, incidentId, { csv: Readable.from([csv]) }, { kind: 'system', id: 'test' } as never, null);
    const stored = await db.all<{ name: string; phone_type: string | null; call_consent: number | null }>(
      'SELECT name, phone_type, call_consent FROM subjects WHERE incident_id = ? ORDER BY name',
      [incidentId],
    );
    expect(stored).toEqual([
      { name: 'A', phone_type: 'landline', call_consent: null },
      { name: 'B', phone_type: 'mobile', call_consent: 1 },
    ]);
  });

  it('says which languages are read in English on the telephone, under a policy that calls', async () => {
    expect(callLanguageFallbacks(['de', 'ja', 'zh-TW'])).toEqual([]);
    expect(callLanguageFallbacks(['it', 'en']).map((f) => f.locale)).toEqual(['it']);
    const { incidentId } = await incidentWith([
      { name: 'Giulia', phone: '+390655501001', locale: 'it', phoneType: 'landline' },
      { name: 'Jana', phone: '+4930555010014', locale: 'de', phoneType: 'landline' },
    ]);
    expect(await callLanguageNote(db, incidentId, 'sms_fallback')).toBeNull();
    expect((await callLanguageNote(db, incidentId, 'call'))!.english.map((f) => f.locale)).toEqual(['it']);
  });
});
