// kill -9 of the worker at every point of an email send: after the claim, while SendGrid
// holds the request, after SendGrid took it but before the outcome is written, and during
// the one re-send of uncertain rows. After each, nothing is claimed or pending, what the
// stand-in received matches the outbox, and every duplicate is on a row flagged uncertain.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '@temporalio/client';
import { openFixtureDb } from '../support/fan-out-fixture';
import { startSendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn } from '../support/twilio-standin';
import { testTemporalAddress } from '../support/temporal-env';
import {
  crashPeople,
  expectSummaryAccountsForEveryRow,
  runCrashScenario,
  TWILIO_SID,
  TWILIO_TOKEN,
  type CrashEnv,
  type CrashResult,
} from '../support/crash-run';

let env: CrashEnv;
let dir: string;
const matrix: CrashResult[] = [];

beforeAll(async () => {
  const fixture = await openFixtureDb('crash-email');
  dir = fixture.dir;
  env = {
    db: fixture.db,
    dbPath: fixture.dbPath,
    connection: await Connection.connect({ address: testTemporalAddress() }),
    sendgrid: await startSendGridStandIn({ apiKey: 'SG.key' }),
    twilio: await startTwilioStandIn({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }),
  };
});
afterAll(async () => {
  console.log(JSON.stringify({ crashMatrix: 'email', results: matrix.map(({ summary: _s, ...r }) => r) }));
  await env?.connection.close();
  await env?.sendgrid.close();
  await env?.twilio.close();
  await env?.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crash matrix: email', () => {
  it('killed after the claim, before SendGrid is called', async () => {
    const r = await runCrashScenario(env, {
      label: 'email: claim',
      people: crashPeople({ email: 30 }),
      policy: 'email',
      deaths: [{ failpoint: 'page.claimed:2' }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    // The killed batch never reached SendGrid: its rows were re-sent once, flagged, and nobody got two.
    expect(r.duplicates).toBe(0);
    expect(r.flagged).toBeGreaterThan(0);
  });

  it('killed while SendGrid holds the request', async () => {
    const r = await runCrashScenario(env, {
      label: 'email: provider call',
      people: crashPeople({ email: 30 }),
      policy: 'email',
      deaths: [{ providerHolds: 'email', n: 1 }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    // SendGrid kept the held batch; with no event to prove it, its rows were re-sent once, flagged.
    expect(r.duplicates).toBeGreaterThan(0);
    expect(r.duplicates).toBeLessThanOrEqual(r.flagged);
  });

  it('killed after SendGrid accepted, before the outcome was written', async () => {
    const r = await runCrashScenario(env, {
      label: 'email: outcome write',
      people: crashPeople({ email: 30 }),
      policy: 'email',
      deaths: [{ failpoint: 'page.sent:1' }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    expect(r.duplicates).toBeLessThanOrEqual(r.flagged);
  });

  it('killed during the one re-send of uncertain rows, after an earlier kill made them uncertain', async () => {
    const r = await runCrashScenario(env, {
      label: 'email: uncertain re-send',
      people: crashPeople({ email: 30 }),
      policy: 'email',
      deaths: [{ failpoint: 'page.claimed:2' }, { failpoint: 'resend.claimed:1' }],
    });
    matrix.push(r);
    expect(r.kills).toBe(2);
    // A re-send that died with its worker waits for another: everyone is told, nobody twice unflagged.
    expectSummaryAccountsForEveryRow(r);
    expect(r.messages).toBeGreaterThanOrEqual(r.people);
    expect(r.duplicates).toBe(0);
  });
});
