// kill -9 of the worker at every point of an email send: after the claim, while SendGrid
// holds the request, after SendGrid took it but before the outcome is written, and during
// the one re-send of uncertain rows. After each, nothing is claimed or pending, what the
// stand-in received matches the outbox, and every duplicate is on a row flagged uncertain.
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

beforeAll(async () => {
  env = await openCrashEnv('crash-email');
});
afterAll(async () => {
  printMatrix('email', matrix);
  await env?.close();
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
