// A decision made while no worker runs: the web server must answer within its update
// deadline (not hang), say that nothing was recorded, and a retry with the same
// Idempotency-Key once the worker is back must record the decision exactly once.
//
// `npm start` restarts a dead worker within a second, so this test runs the three
// processes itself, as an operator with their own process manager would:
// the Temporal dev server, `bin/worker.ts` and `bin/web.ts`, all with one environment
// (on PostgreSQL, the database's URL and the keys they share).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../../bin/dev-server';
import { loadTemporalConfig } from '../../temporal.config';
import {
  appEnv,
  killAllManaged,
  type ManagedProcess,
  newDataDir,
  newPorts,
  newToken,
  spawnScript,
  waitForHealthz,
} from '../support/app-process';
import { appDatabase, type AppDatabase } from '../support/app-database';
import { defaultTestEngine, testEngines } from '../support/test-db';
import { ASSESSMENT, apiClient, expectStatus, type Incident, printLogsOnFailure } from './helpers';

const READY_MS = 90_000;

describe.each(testEngines())('a decision while the worker is down (%s)', (engine) => {
  const dataDir = newDataDir();
  const temporalLog: string[] = [];
  let database: AppDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let devServer: DevServer | undefined;
  let web: ManagedProcess | undefined;
  const workers: ManagedProcess[] = [];
  let baseUrl: string;
  let token: string;

  const startWorker = async () => {
    const worker = spawnScript(`worker ${workers.length + 1}`, 'bin/worker.ts', env);
    workers.push(worker);
    await worker.waitForLine(/worker started/, READY_MS);
    return worker;
  };

  beforeAll(async () => {
    const ports = await newPorts();
    token = newToken();
    database = await appDatabase(engine);
    env = appEnv({ dataDir, ports, token, extra: database.env });
    baseUrl = `http://127.0.0.1:${ports.web}`;
    devServer = await startDevServer(loadTemporalConfig(env), { log: (line) => temporalLog.push(line) });
    web = spawnScript('web', 'bin/web.ts', env);
    await Promise.all([
      startWorker(),
      web.waitForLine(/web server listening/, READY_MS).then(() => waitForHealthz(baseUrl, 10_000, web!.running)),
    ]);
  });

  afterAll(async () => {
    await killAllManaged();
    await devServer?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('answers 503 within the 10 s update deadline, then a retry with the same key records the assessment once', async () => {
    printLogsOnFailure(() => [
      ...(web ? [{ name: 'web', logs: web.logs }] : []),
      ...workers.map((w) => ({ name: w.name, logs: w.logs })),
      { name: 'temporal', logs: () => temporalLog.join('\n') },
    ]);
    // The default deadline is the one under test.
    expect(env.BREACHLINE_UPDATE_TIMEOUT_MS).toBeUndefined();
    const api = apiClient(baseUrl, token);

    const { id } = expectStatus(
      await api.post<{ id: string }>('/api/incidents', {
        title: 'Misdirected payroll export',
        detectedAt: new Date(Date.now() - 3600_000).toISOString(),
        severity: 'medium',
        detectionMethod: 'recipient report',
        reporter: 'Payroll team',
      }),
      201,
      'open incident',
    );
    expectStatus(
      await api.post(`/api/incidents/${id}/triage`, {
        decision: 'confirm',
        reason: 'The export reached an outside address.',
      }),
      200,
      'triage',
    );

    // ---- The worker crashes ----
    await workers[0]!.kill9();

    const key = { 'Idempotency-Key': `assess-${id}` };
    const refused = await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT, key);
    expect(refused.status, refused.text).toBe(503);
    expect(refused.body).toMatchObject({
      error: 'not confirmed in time; repeat the request with the same Idempotency-Key',
      retryable: true,
    });
    // It waited for the deadline (so a slow worker gets its chance) but no longer than a user can bear.
    expect(refused.ms).toBeGreaterThanOrEqual(9_000);
    expect(refused.ms).toBeLessThan(15_000);

    // ---- The worker is back; the client retries with the same key ----
    await startWorker();
    const accepted = await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT, key);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ incidentId: id, stage: 'approval' });

    const again = await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT, key);
    expect(again.status, again.text).toBe(200);
    expect(again.body.stateVersion).toBe(accepted.body.stateVersion);

    const incident = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
    expect(incident.stage).toBe('approval');
    expect(incident.stateVersion).toBe(accepted.body.stateVersion);
    expect(incident.timeline.filter((e) => e.type === 'assessment.recorded')).toHaveLength(1);
  }, 120_000);

  // The server may still hand the refused attempt to the returning worker (Temporal keeps an
  // admitted update queued on the workflow); the workflow must refuse it because its respond-by
  // time has passed, or a user who walked away after the 503 would be surprised by it.
  // The workflow decides that whatever the engine, so this runs on the run's engine only, sparing
  // CI a minute (BREACHLINE_TEST_ENGINE=postgres runs it on PostgreSQL).
  const onRunEngine = it.skipIf(engine !== defaultTestEngine());
  onRunEngine(
    'records nothing later when the client takes the 503 at its word and does not retry',
    async () => {
      const api = apiClient(baseUrl, token);
      const { id } = expectStatus(
        await api.post<{ id: string }>('/api/incidents', {
          title: 'Shared drive link forwarded',
          detectedAt: new Date(Date.now() - 3600_000).toISOString(),
          severity: 'low',
          detectionMethod: 'access review',
          reporter: 'IT',
        }),
        201,
        'open incident',
      );
      expectStatus(
        await api.post(`/api/incidents/${id}/triage`, {
          decision: 'confirm',
          reason: 'Outside accounts opened the files.',
        }),
        200,
        'triage',
      );
      await workers[workers.length - 1]!.kill9();
      const refused = await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT, {
        'Idempotency-Key': `walk-away-${id}`,
      });
      expect(refused.status, refused.text).toBe(503);
      expect(refused.body).toMatchObject({
        error: 'not confirmed in time; repeat the request with the same Idempotency-Key',
        retryable: true,
      });

      await startWorker();
      // A later request under another key is handled after the queued one: once it is answered,
      // the workflow has dealt with both, and only the later one may be on the timeline.
      const later = await api.post(`/api/incidents/${id}/assessment`, ASSESSMENT, {
        'Idempotency-Key': `after-${id}`,
      });
      expect(later.status, later.text).toBe(200);
      const incident = expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident');
      expect(
        incident.timeline.filter((e) => e.type === 'assessment.recorded'),
        'the refused assessment was recorded after all',
      ).toHaveLength(1);
    },
    120_000,
  );
});
