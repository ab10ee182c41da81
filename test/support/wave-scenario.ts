// Everything test/e2e/waves-obey-incident.test.ts does to the app, one function per
// action, so whoever wires the v2 incident workflow adjusts one place when a route,
// a form or an event name differs. The app runs whole (bin/start.ts) against the
// SendGrid and Twilio stand-ins; every interaction goes through the HTTP API, except
// the one read of which notice version each person's sent row carries (the app's database).
//
// What the v2 workflow is assumed to record (see the test file's header):
//   'wave.paused'   when a running wave stops (hold, withdrawn approval), details {noticeVersion, waveId, ...}
//   'wave.finished' when a wave has reached everyone it can,            details {noticeVersion, waveId, ...}
import { loadAppConfig } from '../../app.config';
import { contactMasterKeys, openContacts, useContactMasterKeys } from '../../store/contact-keys';
import type { Engine } from '../../store/connection';
import { openDatabase } from '../../store/database';
import { type AppProcess, startApp } from './app-process';
import { type SendGridStandIn, startSendGridStandIn } from './sendgrid-standin';
import { type TwilioStandIn, startTwilioStandIn } from './twilio-standin';
import {
  apiClient,
  type ApiClient,
  expectStatus,
  type Incident,
  saveCompleteOrgProfile,
  waitFor,
} from '../e2e/helpers';
import { TEST_PUBLIC_HEADLINE } from './org-profile';

// ---- The app and its stand-ins ----

export const TWILIO = {
  accountSid: `AC${'a5e0'.repeat(8)}`,
  authToken: 'wave-e2e-twilio-auth-token-0123',
  from: '+14155550100',
};
const SENDGRID_KEY = 'SG.wave-e2e-standin-key';

/**
 * The SMS sender's throughput. The English SMS notice is two GSM-7 segments (it carries the
 * public-notice link), so 8 segments a second is about 4 messages a second: a 40-person wave
 * takes about 10 s, long enough to act in the middle of it.
 */
export const SMS_SEGMENTS_PER_SECOND = 8;
/**
 * TWILIO_MAX_CONCURRENCY's default (app.config.ts, and DEFAULT_MAX_SOCKETS in
 * activities/providers/twilio.ts): at most this many SMS requests are in flight at once, so
 * at most this many may still reach the provider after a wave is told to stop.
 */
export const TWILIO_MAX_CONCURRENCY = 20;
/** The most messages allowed to reach the stand-in after the answer to a hold or a withdrawal. */
export const IN_FLIGHT_BOUND = TWILIO_MAX_CONCURRENCY;

export interface WaveWorld {
  app: AppProcess;
  api: ApiClient;
  twilio: TwilioStandIn;
  sendgrid: SendGridStandIn;
  close(): Promise<void>;
}

export async function startWaveWorld(engine?: Engine): Promise<WaveWorld> {
  const sendgrid = await startSendGridStandIn({ apiKey: SENDGRID_KEY });
  const twilio = await startTwilioStandIn({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let app: AppProcess;
  try {
    app = await startApp({
      engine,
      env: {
        SENDGRID_API_KEY: SENDGRID_KEY,
        SENDGRID_FROM_EMAIL: 'breach-notices@example.org',
        SENDGRID_BASE_URL: sendgrid.url,
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM_NUMBER: TWILIO.from,
        TWILIO_BASE_URL: twilio.url,
        TWILIO_SEGMENTS_PER_SECOND: String(SMS_SEGMENTS_PER_SECOND),
        TWILIO_MAX_CONCURRENCY: String(TWILIO_MAX_CONCURRENCY),
      },
    });
  } catch (err) {
    await sendgrid.close();
    await twilio.close();
    throw err;
  }
  const api = apiClient(app.baseUrl, app.token);
  await saveCompleteOrgProfile(api);
  return {
    app,
    api,
    twilio,
    sendgrid,
    async close() {
      await app.dispose();
      await sendgrid.close();
      await twilio.close();
    },
  };
}

// ---- People ----

export interface Person {
  name: string;
  phone: string;
  jurisdiction: string;
}

/**
 * `count` SMS-only people (a phone, no email), with numbers no other scenario uses: German
 * mobiles +49 151 <scenario> 0000 <serial>; British ones in Ofcom's drama range +44 7700 900 <serial>
 * (one scenario only uses those).
 */
export function smsPeople(scenario: number, count: number, jurisdiction: 'DE' | 'GB' = 'DE', from = 0): Person[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const serial = String(i).padStart(3, '0');
    const phone = jurisdiction === 'DE' ? `+49151${scenario}0000${serial}` : `+447700900${serial}`;
    return { name: `Wave${scenario} Person-${jurisdiction}-${serial}`, phone, jurisdiction };
  });
}

// ---- Actions on an incident (one function each) ----

export const assessmentFor = (affected: Record<string, number>, over: Record<string, unknown> = {}) => ({
  dataElements: ['name', 'phone', 'account_credentials'],
  encrypted: false,
  role: 'controller',
  riskLevel: 'high_risk',
  riskRationale: 'Credentials and phone numbers were exposed in clear text.',
  affected,
  channelPolicy: 'sms_fallback',
  publicHeadline: TEST_PUBLIC_HEADLINE,
  ...over,
});

/** Opens an incident over the API; confirms it at triage only when `triage` is given. */
export async function openIncident(api: ApiClient, title: string): Promise<string> {
  const opened = expectStatus(
    await api.post<{ id: string }>('/api/incidents', {
      title,
      description: 'Wave acceptance test incident.',
      detectedAt: new Date(Date.now() - 72 * 3600_000).toISOString(),
      severity: 'high',
      detectionMethod: 'other',
      dataCategories: ['name', 'phone'],
      reporter: 'Wave Test Reporter',
    }),
    201,
    'open incident',
  );
  return opened.id;
}

export async function triage(api: ApiClient, id: string, awarenessAt?: string): Promise<void> {
  expectStatus(
    await api.post(`/api/incidents/${id}/triage`, {
      decision: 'confirm',
      reason: 'Confirmed: customer phone numbers in a public dump.',
      ...(awarenessAt ? { awarenessAt } : {}),
    }),
    200,
    'triage',
  );
}

/** Imports people by CSV (name,email,phone,jurisdiction,locale); all must be accepted. */
export async function importPeople(api: ApiClient, id: string, people: Person[]): Promise<void> {
  const csv = [
    'name,email,phone,jurisdiction,locale',
    ...people.map((p) => `${p.name},,${p.phone},${p.jurisdiction},en`),
  ].join('\n');
  const answer = expectStatus(
    await api.post<{ imported: number; rejected: unknown[] }>(`/api/incidents/${id}/subjects`, csv, {
      'content-type': 'text/csv',
    }),
    200,
    'import people',
  );
  if (answer.imported !== people.length || answer.rejected.length > 0)
    throw new Error(`import: expected ${people.length} imported and none rejected, got ${JSON.stringify(answer)}`);
}

/** Submits (or re-submits) the scope assessment; the answer carries the new notice version. */
export async function assess(api: ApiClient, id: string, body: Record<string, unknown>): Promise<void> {
  expectStatus(await api.post(`/api/incidents/${id}/assessment`, body), 200, 'assessment');
}

/** Re-assessment mid-incident: the same as assess, named for what the test means by it. */
export const reassess = assess;

export async function currentNoticeVersion(api: ApiClient, id: string): Promise<string> {
  const { noticeVersion } = expectStatus(
    await api.get<{ noticeVersion: string | null }>(`/api/incidents/${id}/notices`),
    200,
    'notices',
  );
  if (!noticeVersion) throw new Error('no notice version rendered yet');
  return noticeVersion;
}

/** Approves the current notice version and returns it. */
export async function approve(api: ApiClient, id: string): Promise<string> {
  const noticeVersion = await currentNoticeVersion(api, id);
  expectStatus(
    await api.post(`/api/incidents/${id}/approval`, { noticeVersion, note: 'Wording checked.' }),
    200,
    'approval',
  );
  return noticeVersion;
}

/** A written law-enforcement hold (GDPR Recital 88 lets it delay the notices to people). */
export async function placeHold(api: ApiClient, id: string): Promise<void> {
  expectStatus(
    await api.post(`/api/incidents/${id}/hold`, {
      source: 'law_enforcement',
      agency: 'Bundeskriminalamt',
      caseReference: 'BKA-WAVE-0001',
      form: 'written',
      reason: 'The investigators asked in writing that nobody is told for now.',
      reviewEveryDays: 30,
    }),
    200,
    'place hold',
  );
}

export async function releaseHold(api: ApiClient, id: string): Promise<void> {
  expectStatus(
    await api.post(`/api/incidents/${id}/hold/release`, { reason: 'The investigators lifted the request.' }),
    200,
    'release hold',
  );
}

/** Gives the regulator of `regimeKey` (e.g. "eu-gdpr") an email address: its reports then go by SendGrid. */
export async function setRegulatorEmail(api: ApiClient, regimeKey: string, email: string): Promise<void> {
  const profile = expectStatus(
    await api.get<Record<string, unknown> & { regulators?: Record<string, unknown> }>('/api/settings/organisation'),
    200,
    'organisation profile',
  );
  expectStatus(
    await api.put('/api/settings/organisation', {
      ...profile,
      regulators: { ...(profile.regulators ?? {}), [regimeKey]: { name: 'Lead authority', email, portalUrl: null } },
    }),
    200,
    'save regulator address',
  );
}

// ---- Observations ----

export async function incident(api: ApiClient, id: string): Promise<Incident> {
  return expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
}

export type TimelineEntry = Incident['timeline'][number];

export async function timeline(api: ApiClient, id: string): Promise<TimelineEntry[]> {
  return (await incident(api, id)).timeline;
}

export async function timelineTypes(api: ApiClient, id: string): Promise<string[]> {
  return (await timeline(api, id)).map((t) => t.type);
}

export const WAVE_PAUSED = 'wave.paused';
export const WAVE_FINISHED = 'wave.finished';

/** The wave events (v2: wave.paused, wave.finished, ...) after timeline seq `afterSeq`. */
export async function waveStatus(
  api: ApiClient,
  id: string,
  afterSeq = 0,
): Promise<{ paused: boolean; finished: boolean; events: TimelineEntry[] }> {
  const events = (await timeline(api, id)).filter((t) => t.seq > afterSeq && t.type.startsWith('wave.'));
  return {
    paused: events.some((t) => t.type === WAVE_PAUSED),
    finished: events.some((t) => t.type === WAVE_FINISHED),
    events,
  };
}

export async function lastSeq(api: ApiClient, id: string): Promise<number> {
  return (await timeline(api, id)).at(-1)?.seq ?? 0;
}

/** SMS the stand-in received for these people, in total. */
export const smsCount = (twilio: TwilioStandIn, people: Person[]) =>
  people.reduce((n, p) => n + twilio.countFor(p.phone), 0);

/** People with their number of SMS, those with a number other than `expected` only. */
export function peopleNotAt(twilio: TwilioStandIn, people: Person[], expected: number) {
  return people
    .filter((p) => twilio.countFor(p.phone) !== expected)
    .map((p) => `${p.phone}=${twilio.countFor(p.phone)}`);
}

/**
 * After a hold or a withdrawal: waits until the wave is seen stopped (v2: a wave.paused event
 * after `afterSeq`) or has reached every one of `people` anyway (today's behaviour), and the
 * stand-in's count then stays put for `quietMs`. Returns which one it was.
 */
export async function waitForWaveToStopOrEnd(
  w: WaveWorld,
  id: string,
  people: Person[],
  afterSeq: number,
  timeoutMs: number,
): Promise<{ paused: boolean; reachedEveryone: boolean; count: number }> {
  return waitFor(
    `the wave to be paused (a "${WAVE_PAUSED}" event) or to have reached all ${people.length} people`,
    async () => {
      const { paused } = await waveStatus(w.api, id, afterSeq);
      const count = smsCount(w.twilio, people);
      const reachedEveryone = people.every((p) => w.twilio.countFor(p.phone) > 0);
      return paused || reachedEveryone ? { paused, reachedEveryone, count } : undefined;
    },
    timeoutMs,
    200,
  );
}

/** Waits until every one of `people` has at least one SMS at the stand-in. */
export async function waitForEveryone(w: WaveWorld, people: Person[], timeoutMs: number, what: string): Promise<void> {
  await waitFor(
    what,
    async () => {
      const missing = people.filter((p) => w.twilio.countFor(p.phone) === 0);
      if (missing.length === 0) return true;
      throw new Error(`${missing.length} of ${people.length} still without an SMS`);
    },
    timeoutMs,
    200,
  );
}

/** Waits for a timeline event of `type` after `afterSeq`; the failure message says what was there instead. */
export async function waitForEvent(
  api: ApiClient,
  id: string,
  type: string,
  afterSeq: number,
  timeoutMs: number,
  why: string,
): Promise<TimelineEntry> {
  return waitFor(
    `a "${type}" timeline event (${why})`,
    async () => {
      const entries = await timeline(api, id);
      const hit = entries.find((t) => t.seq > afterSeq && t.type === type);
      if (hit) return hit;
      throw new Error(
        `events since seq ${afterSeq}: ${
          entries
            .filter((t) => t.seq > afterSeq)
            .map((t) => t.type)
            .join(', ') || 'none'
        }`,
      );
    },
    timeoutMs,
    250,
  );
}

/** Waits for the stand-in's count of `people` to reach `n`. */
export async function waitForSmsCount(w: WaveWorld, people: Person[], n: number, timeoutMs: number): Promise<number> {
  return waitFor(
    `${n} SMS to reach the Twilio stand-in`,
    async () => {
      const c = smsCount(w.twilio, people);
      return c >= n ? c : undefined;
    },
    timeoutMs,
    50,
  );
}

/**
 * The notice version of each person's subject SMS row that went out (sent, delivered, or
 * claimed/uncertain: it may have gone), keyed by phone. Read from the app's database, opened as
 * the app opens it: the API's outbox listing does not name versions.
 */
export async function sentVersionsByPhone(app: AppProcess, id: string): Promise<Map<string, string[]>> {
  const config = loadAppConfig(app.env);
  const db = await openDatabase(config);
  // The app sealed the phone numbers with its master key: BREACHLINE_SECRETS_KEY, or the one it made in its data directory.
  useContactMasterKeys(contactMasterKeys(config.secretKeys, app.dataDir, { warn: () => undefined }));
  try {
    const sealed = await db.all<{ phone: string; notice_version: string }>(
      `SELECT s.phone AS phone, o.notice_version AS notice_version FROM outbox o
       JOIN subjects s ON s.id = CAST(o.recipient_ref AS INTEGER)
       WHERE o.incident_id = ? AND o.kind = 'subject' AND o.channel = 'sms'
         AND o.status IN ('sent', 'delivered', 'claimed', 'uncertain')`,
      [id],
    );
    const rows = await openContacts(db, id, sealed);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.phone, [...(out.get(r.phone) ?? []), r.notice_version]);
    return out;
  } finally {
    await db.close();
  }
}
