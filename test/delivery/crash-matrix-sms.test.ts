// kill -9 of the worker at every point of an SMS send, at the product's default rate of
// one segment a second, so a kill lands in the middle of a paced group: after the claim,
// while Twilio holds a request, after Twilio took it but before the outcome is written,
// during the re-send of uncertain rows and during the SMS fallback for refused emails.
// After each, nothing is claimed or pending, every SMS row that says sent carries the sid
// of the message the person got, and every duplicate is on a row flagged uncertain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crashPeople,
  expectSummaryAccountsForEveryRow,
  openCrashEnv,
  printMatrix,
  runCrashScenario,
  type CrashResult,
} from '../support/crash-run';

let env: Awaited<ReturnType<typeof openCrashEnv>>;
const matrix: CrashResult[] = [];
// More than one claim group of 16, so the first kill is mid-group at one message a second.
const SMS_PEOPLE = 18;

beforeAll(async () => {
  env = await openCrashEnv('crash-sms');
});
afterAll(async () => {
  printMatrix('sms', matrix);
  await env?.close();
});

describe('crash matrix: SMS at one segment a second', () => {
  it('killed after a group was claimed, before Twilio is called', async () => {
    const r = await runCrashScenario(env, {
      label: 'sms: claim',
      people: crashPeople({ sms: SMS_PEOPLE }),
      policy: 'sms_fallback',
      deaths: [{ failpoint: 'page.claimed:1' }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    expect(r.duplicates).toBe(0);
  });

  it('killed mid-group while Twilio holds a request: the list finds what was sent, by its text', async () => {
    const r = await runCrashScenario(env, {
      label: 'sms: provider call',
      people: crashPeople({ sms: SMS_PEOPLE }),
      policy: 'sms_fallback',
      deaths: [{ providerHolds: 'sms', n: 1 }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    // Twilio's list shows the held message was accepted: found, not re-sent.
    expect(r.duplicates).toBe(0);
  });

  it('killed mid-group after Twilio accepted messages, before their outcomes were written', async () => {
    const r = await runCrashScenario(env, {
      label: 'sms: outcome write',
      people: crashPeople({ sms: SMS_PEOPLE }),
      policy: 'sms_fallback',
      deaths: [{ failpoint: 'page.sent:4' }],
    });
    matrix.push(r);
    expectSummaryAccountsForEveryRow(r);
    expect(r.duplicates).toBe(0);
  });

  it('killed during the re-send of rows left uncertain by an earlier kill', async () => {
    const r = await runCrashScenario(env, {
      label: 'sms: uncertain re-send',
      people: crashPeople({ sms: 6 }),
      policy: 'sms_fallback',
      deaths: [{ failpoint: 'page.claimed:1' }, { failpoint: 'resend.sent:1' }],
    });
    matrix.push(r);
    expect(r.kills).toBe(2);
    // A re-send that died with its worker waits for another: everyone is told, nobody twice unflagged.
    expectSummaryAccountsForEveryRow(r);
    expect(r.messages).toBeGreaterThanOrEqual(r.people);
  });

  it('killed during the SMS fallback for people whose email was refused', async () => {
    const people = crashPeople({ both: 6 });
    const r = await runCrashScenario(env, {
      label: 'sms: fallback',
      people,
      policy: 'sms_fallback',
      refuse: people.slice(0, 4).map((p) => p.email!),
      deaths: [{ failpoint: 'fallback.sent:2' }],
    });
    matrix.push(r);
    // Four refused emails (failed, with SendGrid's reason) and four fallback SMS, none twice.
    expect(r.summary).toMatchObject({ failed: 4, uncertain: 0 });
    expect(r.summary.sent).toBe(r.summary.total - 4);
    expect(r.duplicates).toBe(0);
  });
});
