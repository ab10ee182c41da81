// The app as an operator runs it: a crash (SIGKILL to every process, as an OOM kill or a
// power cut would do) in the middle of an incident, then a start on the same data dir,
// must lose nothing and repeat nothing; Ctrl-C must stop everything cleanly.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_ENV } from '../../bin/workflow-bundle';
import { type AppProcess, isAlive, isPortFree, startApp } from '../support/app-process';
import { testEngines } from '../support/test-db';
import { sharedWorkflowBundle } from '../support/workflow-bundle';
import {
  ASSESSMENT,
  saveCompleteOrgProfile,
  type ApiClient,
  apiClient,
  expectStatus,
  type Incident,
  printLogsOnFailure,
  waitFor,
} from './helpers';

const apps: AppProcess[] = [];
const track = (app: AppProcess) => {
  apps.push(app);
  return app;
};

afterEach(async () => {
  // Every process tree and data dir goes, whatever the test did or failed to do.
  for (const app of apps.splice(0)) await app.dispose();
});

async function openIncident(api: ApiClient, title: string): Promise<string> {
  const body = {
    title,
    description: 'Found during a routine log review.',
    detectedAt: new Date(Date.now() - 3600_000).toISOString(),
    severity: 'high',
    detectionMethod: 'log review',
    dataCategories: ['email'],
    reporter: 'On-call responder',
  };
  return expectStatus(await api.post<{ id: string }>('/api/incidents', body), 201, 'open incident').id;
}

describe.each(testEngines())('a crash of the whole app in the middle of an incident (%s)', (engine) => {
  it('after a SIGKILL of every process and a start on the same data dir, the incident goes on to closed with nothing lost or repeated', async () => {
    printLogsOnFailure(() => apps.map((a, i) => ({ name: `breachline (start ${i + 1})`, logs: a.logs })));
    const first = track(await startApp({ engine }));
    // Given the run's bundle (BREACHLINE_WORKFLOW_BUNDLE), npm start does not bundle one of its own.
    expect(sharedWorkflowBundle(), 'the run bundled the workflows once').toBeDefined();
    expect(fs.existsSync(path.join(first.dataDir, 'workflow-bundle.js'))).toBe(false);
    let api = apiClient(first.baseUrl, first.token);
    await saveCompleteOrgProfile(api);

    const id = await openIncident(api, 'Backup bucket left public');
    expectStatus(
      await api.post(`/api/incidents/${id}/triage`, {
        decision: 'confirm',
        reason: 'The bucket held customer exports.',
      }),
      200,
      'triage',
    );
    expectStatus(
      await api.post(`/api/incidents/${id}/subjects`, [
        { name: 'Crash Test Person', email: 'crash.person@example.com', jurisdiction: 'DE' },
      ]),
      200,
      'import',
    );
    const assessed = expectStatus(await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT), 200, 'assessment');
    expect(assessed.stage).toBe('approval');
    const before = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
    expect(before.stage).toBe('approval');
    expect(before.awarenessAt).not.toBeNull();
    expect(before.obligations.length).toBeGreaterThan(0);

    // ---- The crash ----
    const treeBefore = first.process.pid;
    await first.kill9();
    expect(isAlive(treeBefore)).toBe(false);

    // ---- Start again on the same data dir, database and ports ----
    const second = track(await first.startAgain());
    expect(second.dataDir).toBe(first.dataDir);
    expect(second.baseUrl).toBe(first.baseUrl);
    api = apiClient(second.baseUrl, second.token);

    const after = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident after restart');
    expect(after.stage).toBe('approval');
    expect(after.awarenessAt).toBe(before.awarenessAt);
    expect(after.obligations).toEqual(before.obligations);
    expect(after.timeline).toEqual(before.timeline);

    // ---- The incident goes on: approve, let it send, file, close ----
    const { noticeVersion } = expectStatus(
      await api.get<{ noticeVersion: string }>(`/api/incidents/${id}/notices`),
      200,
      'notices',
    );
    // The notices rendered before the crash are the ones offered for approval after it.
    expect(noticeVersion).toBe(assessed.noticeVersion);
    expectStatus(await api.post(`/api/incidents/${id}/approval`, { noticeVersion }), 200, 'approval after restart');
    const sent = await waitFor(
      'the notices to go out and the regulator reports to settle',
      async () => {
        const i = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
        return i.stage === 'reporting' ? i : undefined;
      },
      60_000,
    );
    for (const o of sent.obligations.filter(
      (x) => x.required && x.audience === 'regulator' && ['pending', 'manual'].includes(x.status),
    )) {
      expectStatus(
        await api.post(`/api/incidents/${id}/filings`, {
          obligationId: o.id,
          reference: `REF-${o.regime}`,
          delayReason: 'Waited for the forensic report.',
        }),
        200,
        `filing ${o.id}`,
      );
    }
    const closed = expectStatus(
      await api.post(`/api/incidents/${id}/close`, { summary: 'Bucket locked down; people and regulators told.' }),
      200,
      'close',
    );
    expect(closed.stage).toBe('closed');

    const final = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'final incident');
    expect(final).toMatchObject({ stage: 'closed', status: 'closed', awarenessAt: before.awarenessAt });
    // The obligations known before the crash are still the same ones, with the same deadlines.
    for (const o of before.obligations) expect(final.obligations.find((x) => x.id === o.id)?.dueAt, o.id).toBe(o.dueAt);

    // ---- Nothing repeated ----
    const { timeline } = final;
    expect(timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
    const seqs = timeline.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    const fingerprints = timeline.map((e) => `${e.type}|${e.actor}|${e.summary}|${e.at}`);
    expect(
      fingerprints.filter((f, i) => fingerprints.indexOf(f) !== i),
      'duplicated timeline events',
    ).toEqual([]);
    const count = (type: string) => timeline.filter((e) => e.type === type).length;
    for (const once of [
      'incident.opened',
      'triage.confirmed',
      'subjects.imported',
      'assessment.recorded',
      'notices.rendered',
      'notices.approved',
      'subjects.notified',
      'stage.reporting',
      'incident.closed',
    ]) {
      expect(count(once), `${once} events`).toBe(1);
    }
  }, 180_000);
});

// On the run's engine only (BREACHLINE_TEST_ENGINE=postgres runs it on PostgreSQL): the crash above
// is what the engine changes; a second start of the whole app here would cost CI most of a minute.
describe('Ctrl-C', () => {
  it('stops web, worker and Temporal, exits 0 within 20 s and leaves no process or port behind', async () => {
    printLogsOnFailure(() => apps.map((a) => ({ name: 'breachline', logs: a.logs })));
    // Without a given bundle, as a user's `npm start` runs: it bundles into the data dir first.
    const app = track(await startApp({ env: { [BUNDLE_ENV]: undefined } }));
    expect(fs.existsSync(path.join(app.dataDir, 'workflow-bundle.js'))).toBe(true);
    const api = apiClient(app.baseUrl, app.token);
    // A running workflow, so the worker has something cached to let go of.
    const id = await openIncident(api, 'Laptop stolen from a car');
    await waitFor(
      'the incident to be recorded',
      async () => ((await api.get<Incident>(`/api/incidents/${id}`)).body.timeline?.length ? true : undefined),
      30_000,
    );

    const stopped = await app.stop('SIGINT');
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(stopped.ms).toBeLessThan(20_000);
    expect(stopped.leftovers).toEqual([]);
    for (const port of [app.ports.temporal, app.ports.temporalUi, app.ports.web])
      expect(await isPortFree(port), `port ${port} free`).toBe(true);
  }, 120_000);
});
