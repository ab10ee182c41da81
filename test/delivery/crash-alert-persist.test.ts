// kill -9 of the worker after SQLite committed an alert batch's state write and before the workflow
// task that ran it as a local activity completed: Temporal has no record of the write, so the fresh
// worker replays and writes that version again, now with the alerts that arrived while no worker
// ran. Every accepted alert must count once on the incident and appear once on its timeline.
// The web intake and the forwarder run in-process (test/support/app-harness.ts); the worker is
// bin/worker.ts in its own process, so it can die at the failpoint `incident.state_saved`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signPayload } from '../../server/webhooks/signature';
import { verifyAuditChain } from '../../store/audit';
import { incidentStateQuery } from '../../workflows/incident/messages';
import { eventually, startHarness, WEBHOOK_SECRET, type Harness } from '../support/app-harness';
import { cleanEnv, killAllManaged, type ManagedProcess, spawnScript } from '../support/app-process';
import { testTemporalAddress } from '../support/temporal-env';
import { workflowBundleEnv } from '../support/workflow-bundle';
import { printLogsOnFailure } from '../e2e/helpers';

const READY_MS = 60_000;
// The worker's writes, counted by the failpoint: 1 the incident opened, 2 the first alert's batch,
// 3 the first batch of the second wave.
const DIE_AT = 'incident.state_saved:3';

let h: Harness;
const workers: ManagedProcess[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Only the worker processes this test starts may run the incident.
  await h.stopWorker();
});

afterAll(async () => {
  await killAllManaged();
  await h?.close();
});

const startWorker = async (failpoint?: string) => {
  const env = cleanEnv({
    ...h.env,
    TEMPORAL_ADDRESS: testTemporalAddress(),
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    BREACHLINE_LOG_LEVEL: 'info',
    BREACHLINE_FAILPOINT: failpoint,
    ...workflowBundleEnv(),
  });
  const worker = spawnScript(`worker ${workers.length + 1}`, 'bin/worker.ts', env);
  workers.push(worker);
  await worker.waitForLine(/worker started/, READY_MS);
  return worker;
};

let tick = 0;
async function post(dedupKey: string, summary: string): Promise<{ alertId: string; incidentId: string }> {
  const body = JSON.stringify({ dedupKey, summary, severity: 'high' });
  // Distinct timestamps keep otherwise equal bodies distinct deliveries.
  const signature = signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 60 + (tick++ % 120));
  const res = await fetch(`${h.baseUrl}/webhooks/alerts/monitor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-breachline-signature': signature },
    body,
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { alertId: string; incidentId: string };
}

const incidentRow = (id: string) =>
  h.db.get<{ alert_count: number; state_version: number }>(
    'SELECT alert_count, state_version FROM incidents WHERE id = ?',
    [id],
  );
const committedAlerts = async (id: string) =>
  (await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ?', [id]))!.n;

const alertEvents = async (id: string) =>
  (await h.db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM audit_log WHERE incident_id = ? AND type = 'alert.trigger'",
    [id],
  ))!.n;

it('a worker killed between the commit of an alert batch and its workflow task counts every alert once', async () => {
  printLogsOnFailure(() => workers.map((w) => ({ name: w.name, logs: w.logs })));
  const doomed = await startWorker(DIE_AT);
  const key = `lapersist-${Date.now()}`;
  const accepted: string[] = [];
  let incidentId = '';
  const send = async (label: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const r = await post(key, `${label} #${i}`);
      accepted.push(r.alertId);
      // Every alert of the key joins the incident its first one opened.
      if (incidentId) expect(r.incidentId).toBe(incidentId);
      incidentId = r.incidentId;
    }
  };

  // Wave 1: the alert that opens the incident, applied in a batch of its own (writes 1 and 2).
  await send('Exfil', 1);
  await eventually(
    () => incidentRow(incidentId),
    (r) => r?.alert_count === 1,
    READY_MS,
  );
  expect(doomed.running()).toBe(true);

  // Wave 2: its first batch's write commits, then the worker dies before the workflow task completes.
  await send('Exfil wave 2', 6);
  const death = await doomed.exited;
  expect(death.signal, 'the worker died by the failpoint, not otherwise').toBe('SIGKILL');
  const atDeath = (await incidentRow(incidentId))!;
  // The write it died after was an alert batch's, and it is in SQLite.
  expect(atDeath.alert_count).toBeGreaterThan(1);

  // Wave 3 arrives while no worker runs: the forwarder signals it, so the workflow task the fresh worker
  // replays holds the killed batch and these alerts together.
  await send('Exfil wave 3', 4);
  await eventually(
    async () =>
      (await h.db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL',
        [incidentId],
      ))!.n,
    (n) => n === 0,
    READY_MS,
  );

  await startWorker();
  const total = await committedAlerts(incidentId);
  expect(total).toBe(accepted.length);
  const applied = await eventually(
    async () => ({ ...(await incidentRow(incidentId)), events: await alertEvents(incidentId) }),
    (r) => (r.alert_count ?? 0) >= total,
    READY_MS,
  );
  // Nothing twice: the replayed write did not count its batch again.
  expect(applied.alert_count).toBe(accepted.length);
  const state = await h.client.workflow.getHandle(`incident-${incidentId}`).query(incidentStateQuery);
  expect(state.alertCount).toBe(accepted.length);

  const incidents = await h.db.all<{ id: string }>(
    'SELECT DISTINCT incident_id AS id FROM alerts WHERE dedup_key = ?',
    [key],
  );
  expect(incidents.map((r) => r.id)).toEqual([incidentId]);
  expect((await h.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM incidents'))!.n).toBe(1);

  const events = await h.db.all<{ event_key: string | null; details_json: string }>(
    "SELECT event_key, details_json FROM audit_log WHERE incident_id = ? AND type = 'alert.trigger' ORDER BY seq",
    [incidentId],
  );
  const alertIds = events.map((e) => (JSON.parse(e.details_json) as { alertId: string }).alertId);
  expect(events).toHaveLength(accepted.length);
  expect([...alertIds].sort()).toEqual([...accepted].sort());
  expect(new Set(events.map((e) => e.event_key)).size).toBe(events.length);
  const timeline = (await h.api('GET', `/api/incidents/${incidentId}`)).body as {
    counts: { alerts: number };
    timeline: { type: string }[];
  };
  expect(timeline.counts.alerts).toBe(accepted.length);
  expect(timeline.timeline.filter((e) => e.type === 'alert.trigger')).toHaveLength(accepted.length);

  expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
}, 120_000);
