// One crash scenario of the send path: a notice wave run by a worker in its own
// process that dies (kill -9) at a named place, or while a provider holds its
// request; then a fresh worker finishes the wave. The audit compares what the
// stand-ins received with the outbox, person by person.
import type { ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../../store/connection';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import type { ChannelPolicy, NoticeWaveSummary } from '../../workflows/types';
import { startSendGridStandIn, type SendGridStandIn } from './sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from './twilio-standin';
import { testTemporalAddress, uniqueTaskQueue } from './temporal-env';
import { NOTICE_VERSION, openFixtureDb, seedIncident, type Person } from './fan-out-fixture';
import { forkNotifyWorker } from './notify-worker';
import { workflowBundleEnv } from './workflow-bundle';

export const TWILIO_SID = `AC${'e'.repeat(32)}`;
export const TWILIO_TOKEN = 'twilio-test-token-crash-matrix';

export interface CrashEnv {
  db: Db;
  dbPath: string;
  connection: Connection;
  sendgrid: SendGridStandIn;
  twilio: TwilioStandIn;
}

/** How a worker dies: at a failpoint (lib/failpoints.ts), or killed once a provider has taken `n` requests it holds. */
export type Death = { failpoint: string } | { providerHolds: 'email' | 'sms'; n: number };

export interface CrashScenario {
  label: string;
  people: Person[];
  policy: ChannelPolicy;
  /** Workers die in this order, each replaced by a fresh one. */
  deaths: Death[];
  /** Email addresses SendGrid refuses for good (their people get the SMS fallback). */
  refuse?: string[];
}

export interface CrashResult {
  label: string;
  people: number;
  kills: number;
  messages: number;
  /** People who received the notice twice (each must be on a row flagged as a possible duplicate). */
  duplicates: number;
  flagged: number;
  summary: NoticeWaveSummary;
}

/** A fixture database, both stand-ins and a Temporal connection for one crash-matrix file. */
export async function openCrashEnv(prefix: string): Promise<CrashEnv & { close(): Promise<void> }> {
  const fixture = await openFixtureDb(prefix);
  const env: CrashEnv = {
    db: fixture.db,
    dbPath: fixture.dbPath,
    connection: await Connection.connect({ address: testTemporalAddress() }),
    sendgrid: await startSendGridStandIn({ apiKey: 'SG.key' }),
    twilio: await startTwilioStandIn({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }),
  };
  return {
    ...env,
    async close() {
      await env.connection.close();
      await env.sendgrid.close();
      await env.twilio.close();
      await fixture.drop();
    },
  };
}

/** Prints a file's matrix rows (the closing note's table comes from them). */
export function printMatrix(channel: string, results: CrashResult[]): void {
  console.log(JSON.stringify({ crashMatrix: channel, results: results.map(({ summary: _s, ...r }) => r) }));
}

let seq = 0;
let cohort = 0;

/**
 * People unique to one scenario (the stand-ins are shared): `email` of them by email only, then
 * `sms` by phone only, then `both` with an email and a phone.
 */
export function crashPeople(n: { email?: number; sms?: number; both?: number }): Person[] {
  const c = String(++cohort).padStart(2, '0');
  const out: Person[] = [];
  const add = (kind: 'e' | 's' | 'b', count = 0) => {
    for (let i = 0; i < count; i++) {
      const k = `${kind}${String(i).padStart(3, '0')}`;
      out.push({
        name: `Crash${c} ${k}`,
        email: kind === 's' ? null : `crash${c}.${k}@example.org`,
        phone: kind === 'e' ? null : `+49151${c}${kind === 's' ? 1 : 2}${String(i).padStart(4, '0')}`,
        locale: i % 5 === 4 ? 'zh-CN' : 'en',
      });
    }
  };
  add('e', n.email);
  add('s', n.sms);
  add('b', n.both);
  return out;
}

export async function runCrashScenario(env: CrashEnv, s: CrashScenario): Promise<CrashResult> {
  const incidentId = `01JCRASH${process.pid.toString(36).padStart(6, '0').slice(-6)}${String(++seq).padStart(12, '0')}`;
  await seedIncident(env.db, incidentId, s.people);
  env.sendgrid.setMode({ reject: s.refuse ?? [], delayMs: 0 });
  env.twilio.setMode({ delayMs: 0 });
  const taskQueue = uniqueTaskQueue('crash');
  const start = (failpoint?: string) =>
    forkNotifyWorker({
      NOTIFY_DB: env.dbPath,
      NOTIFY_SENDGRID_URL: env.sendgrid.url,
      NOTIFY_TWILIO_URL: env.twilio.url,
      NOTIFY_TWILIO_SID: TWILIO_SID,
      NOTIFY_TWILIO_TOKEN: TWILIO_TOKEN,
      NOTIFY_TEMPORAL: testTemporalAddress(),
      NOTIFY_TASK_QUEUE: taskQueue,
      NOTIFY_UNCERTAIN_WAIT_MS: '1000',
      BREACHLINE_FAILPOINT: failpoint ?? '',
      ...workflowBundleEnv(),
    });
  const exited = (w: ChildProcess) =>
    w.exitCode !== null || w.signalCode !== null ? Promise.resolve() : new Promise((r) => w.once('exit', r));

  const first = s.deaths[0];
  let worker = await start(first && 'failpoint' in first ? first.failpoint : undefined);
  const client = new Client({ connection: env.connection });
  const handle = await client.workflow.start(notifySubjectsWorkflow, {
    workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
    taskQueue,
    args: [
      {
        incidentId,
        noticeVersion: NOTICE_VERSION,
        channelPolicy: s.policy,
        pageSize: 10,
        window: 2,
        heartbeatTimeoutMs: 2000,
      },
    ],
  });
  let kills = 0;
  try {
    for (const [i, death] of s.deaths.entries()) {
      if ('failpoint' in death) {
        await exited(worker);
      } else {
        const standIn = death.providerHolds === 'email' ? env.sendgrid : env.twilio;
        const before = standIn.received.length;
        standIn.setMode({ delayMs: 60_000 });
        await expect
          .poll(() => standIn.received.length - before, { timeout: 60_000, interval: 20 })
          .toBeGreaterThanOrEqual(death.n);
        worker.kill('SIGKILL');
        await exited(worker);
        standIn.setMode({ delayMs: 0 });
      }
      kills++;
      const next = s.deaths[i + 1];
      worker = await start(next && 'failpoint' in next ? next.failpoint : undefined);
    }
    const summary = await handle.result();
    return { ...(await audit(env, incidentId, s)), kills, summary };
  } finally {
    worker.kill('SIGKILL');
    await exited(worker);
  }
}

async function audit(env: CrashEnv, incidentId: string, s: CrashScenario) {
  const rows = await env.db.all<{
    id: string;
    channel: 'email' | 'sms';
    status: string;
    provider_id: string | null;
    possible_duplicate: number;
    name: string;
    email: string | null;
    phone: string | null;
  }>(
    `SELECT o.id, o.channel, o.status, o.provider_id, o.possible_duplicate, s.name, s.email, s.phone
     FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ?`,
    [incidentId],
  );
  // Nothing is left claimed or pending: every row ended in a state that counts.
  expect(rows.filter((r) => r.status === 'claimed' || r.status === 'pending')).toEqual([]);
  const ids = new Set(rows.map((r) => r.id));
  const emails = env.sendgrid.received.filter((m) => m.customArgs.incidentId === incidentId);
  const names = new Set(s.people.map((p) => p.name));
  const phones = new Set(s.people.map((p) => p.phone).filter((p): p is string => p !== null));
  const sms = env.twilio.received.filter((m) => phones.has(m.to) && [...names].some((n) => n && m.body.startsWith(n)));
  // Every message the stand-ins received belongs to a row of the wave.
  expect(emails.filter((m) => !ids.has(m.customArgs.outboxId!))).toEqual([]);

  let duplicates = 0;
  for (const r of rows) {
    const smsGot = sms.filter(
      (m) => m.to === r.phone && (m.body.startsWith(`${r.name}:`) || m.body.startsWith(`${r.name}，`)),
    );
    const got = r.channel === 'email' ? emails.filter((m) => m.customArgs.outboxId === r.id).length : smsGot.length;
    // A row the outbox calls sent was received; a row it calls failed was not.
    if (r.status === 'sent') expect(got, `${r.channel} row ${r.status}`).toBeGreaterThanOrEqual(1);
    if (r.status === 'failed' || r.status === 'bounced') expect(got).toBe(0);
    // An SMS row carries the sid of the message that reached the person.
    if (r.channel === 'sms' && r.status === 'sent') expect(smsGot.map((m) => m.sid)).toContain(r.provider_id);
    // Told twice only where the row says it may have been.
    if (got > 1) {
      duplicates++;
      expect(r.possible_duplicate, `${r.channel} row received ${got} times`).toBe(1);
    }
    expect(got).toBeLessThanOrEqual(2);
  }
  // Everyone has a row that ended: told, refused with the provider's reason, or uncertain after its
  // one re-send (reported as such, never silently dropped).
  for (const p of s.people) {
    const mine = rows.filter((r) => r.name === p.name);
    expect(mine.length, p.name ?? '').toBeGreaterThan(0);
    const ended = (r: (typeof rows)[number]) =>
      ['sent', 'delivered', 'failed', 'bounced'].includes(r.status) ||
      (r.status === 'uncertain' && r.possible_duplicate === 1);
    expect(mine.some(ended), `${p.name}: ${mine.map((r) => r.status).join(',')}`).toBe(true);
  }
  return {
    label: s.label,
    people: s.people.length,
    messages: emails.length + sms.length,
    duplicates,
    flagged: rows.filter((r) => r.possible_duplicate === 1).length,
  };
}

/** The wave's summary counts every row in exactly one state. */
export function expectSummaryAccountsForEveryRow(r: CrashResult): void {
  const { total, sent, failed, uncertain, unsettled } = r.summary;
  expect(unsettled).toBe(0);
  expect(sent + failed + uncertain).toBe(total);
  expect(uncertain).toBe(0);
}
