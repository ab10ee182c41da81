// The durable alert intake: the webhook answers once the alert is committed, never waiting on
// Temporal; the forwarder delivers the buffer in batches and the workflow's high-water mark
// applies each alert once, across a forwarder killed between its signal and its mark; a backlog
// over its depth refuses with 503 and writes nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../../server/webhooks/signature';
import { incidentStateQuery } from '../../workflows/incident/messages';
import {
  assessmentBody,
  createTestUser,
  logInForm,
  eventually,
  startHarness,
  WEBHOOK_SECRET,
  type Harness,
} from '../support/app-harness';
import { testTemporalAddress } from '../support/temporal-env';
import { recordHistory } from '../support/histories';

const now = () => Math.floor(Date.now() / 1000);
let tick = 0;

async function post(h: Harness, payload: Record<string, unknown>) {
  const body = JSON.stringify(payload);
  // Distinct timestamps keep otherwise equal bodies distinct deliveries.
  const signature = signPayload(WEBHOOK_SECRET, body, now() - 60 + (tick++ % 120));
  const res = await fetch(`${h.baseUrl}/webhooks/alerts/monitor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-breachline-signature': signature },
    body,
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

const count = async (h: Harness, sql: string, params: string[] = []) => (await h.db.get<{ n: number }>(sql, params))!.n;
const backlog = (h: Harness) => h.api('GET', '/api/intake').then((r) => r.body as { backlog: number });
const alertCount = async (h: Harness, id: string) =>
  (await h.api('GET', `/api/incidents/${id}`)).body.counts.alerts as number;
const alertEvents = (h: Harness, id: string, type = 'alert.trigger') =>
  count(h, 'SELECT COUNT(*) AS n FROM audit_log WHERE incident_id = ? AND type = ?', [id, type]);

describe('alert intake with the forwarder stopped', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      forwarder: false,
      env: { BREACHLINE_INTAKE_MAX_BACKLOG: '40', BREACHLINE_MFA_ROLES: 'none' },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 202 with the committed alert while the worker is stopped, and applies every alert once when it starts', async () => {
    await h.stopWorker();
    const keys = [`buf-a-${Date.now()}`, `buf-b-${Date.now()}`];
    const incidents = new Map<string, Set<string>>();
    for (let i = 0; i < 12; i++) {
      const key = keys[i % 2]!;
      const r = await post(h, { dedupKey: key, summary: `Export volume #${i}`, severity: 'high' });
      expect(r.status).toBe(202);
      expect(r.body.alertId).toMatch(/^alr_/);
      incidents.set(key, (incidents.get(key) ?? new Set()).add(r.body.incidentId));
    }
    const ids = keys.map((k) => [...incidents.get(k)!]);
    expect(ids.map((s) => s.length)).toEqual([1, 1]);
    const rows = await h.db.all<{ incident_id: string; seq: number }>(
      'SELECT incident_id, seq FROM alerts WHERE incident_id IN (?, ?) AND signalled_at IS NULL ORDER BY incident_id, seq',
      [ids[0]![0]!, ids[1]![0]!],
    );
    expect(rows.filter((r) => r.incident_id === ids[0]![0]).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await backlog(h)).backlog).toBe(12);

    const admin = await createTestUser(h, { email: `intake-${Date.now()}@example.org`, role: 'admin' });
    const web = await logInForm(h, admin.email, admin.password);
    const page = await web.get('/settings/webhooks');
    expect(page.status).toBe(200);
    expect(page.html).toContain('12 of at most 40');
    expect(page.html).toMatch(/data-testid="intake-lag">[0-9.]+ s/);

    h.startForwarder();
    await h.startWorker();
    for (const [id] of ids) {
      await eventually(
        () => alertCount(h, id!),
        (n) => n === 6,
      );
      expect(await alertEvents(h, id!)).toBe(6);
      // The page reads the six as one line; the API lists each.
      const incidentPage = await web.get(`/incidents/${id}`);
      expect(incidentPage.html).toMatch(/alert\.trigger<\/span> 6 alerts received, the last <time datetime="[^"]+">/);
      expect(incidentPage.html).not.toContain('Alert trigger received');
      const timeline = (await h.api('GET', `/api/incidents/${id}`)).body.timeline as Array<{ type: string }>;
      expect(timeline.filter((e) => e.type === 'alert.trigger')).toHaveLength(6);
    }
    await eventually(
      () => backlog(h),
      (b) => b.backlog === 0,
    );
  });

  it('refuses with 503 and Retry-After past the backlog depth, writing nothing, and accepts again once drained', async () => {
    await h.stopForwarder();
    const key = `full-${Date.now()}`;
    const first = await post(h, { dedupKey: key, summary: 'Storm', severity: 'high' });
    expect(first.status).toBe(202);
    for (let i = 0; i < 39; i++) expect((await post(h, { dedupKey: key, summary: `Storm ${i}` })).status).toBe(202);
    const alerts = await count(h, 'SELECT COUNT(*) AS n FROM alerts');
    const deliveries = await count(h, 'SELECT COUNT(*) AS n FROM webhook_deliveries');
    const incidents = await count(h, 'SELECT COUNT(*) AS n FROM incidents');
    const refused = await post(h, { dedupKey: `other-${Date.now()}`, summary: 'One too many' });
    expect(refused.status).toBe(503);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(await count(h, 'SELECT COUNT(*) AS n FROM alerts')).toBe(alerts);
    expect(await count(h, 'SELECT COUNT(*) AS n FROM webhook_deliveries')).toBe(deliveries);
    expect(await count(h, 'SELECT COUNT(*) AS n FROM incidents')).toBe(incidents);

    h.startForwarder();
    await eventually(
      () => alertCount(h, first.body.incidentId),
      (n) => n === 40,
    );
    expect((await post(h, { dedupKey: key, summary: 'After the storm' })).status).toBe(202);
  });

  it('records a resolve on its incident, and after the close the same key opens a new incident linked to the old', async () => {
    const key = `life-${Date.now()}`;
    const opened = await post(h, { dedupKey: key, summary: 'Credential stuffing', severity: 'high' });
    const first = opened.body.incidentId as string;
    const resolved = await post(h, { dedupKey: key, action: 'resolve', summary: 'Recovered' });
    expect(resolved.body).toMatchObject({ incidentId: first });
    await eventually(
      () => alertEvents(h, first, 'alert.resolve'),
      (n) => n === 1,
    );
    expect(
      (await h.api('POST', `/api/incidents/${first}/triage`, { decision: 'confirm', reason: 'real' })).status,
    ).toBe(200);
    expect(
      (
        await h.api(
          'POST',
          `/api/incidents/${first}/assessment`,
          assessmentBody({ riskLevel: 'none', affected: { DE: 5 } }),
        )
      ).status,
    ).toBe(200);

    // Committed for the open incident while the forwarder is away; the incident closes before delivery.
    await h.stopForwarder();
    const late = await post(h, { dedupKey: key, summary: 'Credential stuffing again', severity: 'high' });
    expect(late.body.incidentId).toBe(first);
    const closed = await h.api('POST', `/api/incidents/${first}/close`, { summary: 'Contained; no risk to people.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    h.startForwarder();

    const moved = await eventually(
      () =>
        h.db.get<{ incident_id: string | null; signalled_at: string | null }>(
          'SELECT incident_id, signalled_at FROM alerts WHERE id = ?',
          [late.body.alertId],
        ),
      (r) => r?.incident_id !== first && r?.signalled_at !== null,
    );
    const second = moved!.incident_id!;
    const row = await h.db.get<{ linked_incident_id: string }>(
      'SELECT linked_incident_id FROM incidents WHERE id = ?',
      [second],
    );
    expect(row!.linked_incident_id).toBe(first);
    await eventually(
      () => alertCount(h, second),
      (n) => n === 1,
    );
    const again = await post(h, { dedupKey: key, summary: 'Still stuffing', severity: 'high' });
    expect(again.body.incidentId).toBe(second);
  });
});

describe('a forwarder killed between its signal and its mark', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ forwarder: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('re-sends the batch when it comes back, and the workflow applies nothing twice', async () => {
    const key = `crash-${Date.now()}`;
    let incidentId = '';
    for (let i = 0; i < 8; i++) {
      const r = await post(h, { dedupKey: key, summary: `Beacon #${i}`, severity: 'critical' });
      expect(r.status).toBe(202);
      incidentId = r.body.incidentId;
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../bin/forwarder.ts')], {
      env: {
        ...process.env,
        ...h.env,
        BREACHLINE_LOG_LEVEL: 'silent',
        BREACHLINE_FAILPOINT: 'forwarder.signalled',
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TEMPORAL_TASK_QUEUE: h.taskQueue,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const died = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, sig) => resolve(sig)),
    );
    expect(died).toBe('SIGKILL');
    // The batch reached the workflow, but the rows still wait: the crash came before the mark.
    await eventually(
      () => h.client.workflow.getHandle(`incident-${incidentId}`).query(incidentStateQuery),
      (s) => s.alertCount === 8,
    );
    expect(
      await count(h, 'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL', [incidentId]),
    ).toBe(8);

    h.startForwarder();
    await eventually(
      () => count(h, 'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL', [incidentId]),
      (n) => n === 0,
    );
    // One more alert goes after the re-sent batch on the same workflow: once it counts, the re-sent one was handled.
    expect((await post(h, { dedupKey: key, summary: 'Beacon #8' })).status).toBe(202);
    await eventually(
      () => alertCount(h, incidentId),
      (n) => n >= 9,
    );
    expect(await alertCount(h, incidentId)).toBe(9);
    expect(await alertEvents(h, incidentId)).toBe(9);
    const history = await h.client.workflow.getHandle(`incident-${incidentId}`).fetchHistory();
    const batches = history.events!.filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'alertBatch',
    );
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(history)).not.toContain('Beacon #');
    // Every write of an incident the alerts opened, the opening one too, ran inside its workflow task.
    expect(history.events!.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    // A batch applied, one re-sent whole and skipped by the high-water mark, then one more: replayed by test/workflows/replay.test.ts.
    // (The same scenario recorded before the batch's write became a local activity is 'v2-alert-batch', and
    // before the opening write did, 'v2-alert-batch.local-persist'.)
    await recordHistory(h.client, `incident-${incidentId}`, 'v2-alert-batch.local-open');
  });
});

describe('a forwarder lingering in a storm', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ forwarder: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signals an incident at most once per linger, gathering its alerts, and applies each once', async () => {
    const key = `linger-${Date.now()}`;
    const first = await post(h, { dedupKey: key, summary: 'Storm #0', severity: 'high' });
    expect(first.status).toBe(202);
    const incidentId: string = first.body.incidentId;
    h.startForwarder({ lingerMs: 5_000 });
    // A calm incident's first alert does not wait for the linger.
    await eventually(
      () => alertCount(h, incidentId),
      (n) => n === 1,
    );
    // Spaced wider than the forwarder's idle wait (20 ms): without the linger each would be its own signal.
    for (let i = 1; i < 10; i++) {
      expect((await post(h, { dedupKey: key, summary: `Storm #${i}`, severity: 'high' })).status).toBe(202);
      await new Promise((r) => setTimeout(r, 50));
    }
    await eventually(
      () => alertCount(h, incidentId),
      (n) => n >= 10,
      30_000,
    );
    expect(await alertCount(h, incidentId)).toBe(10);
    expect(await alertEvents(h, incidentId)).toBe(10);
    expect(
      await count(h, 'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL', [incidentId]),
    ).toBe(0);
    const history = await h.client.workflow.getHandle(`incident-${incidentId}`).fetchHistory();
    const batches = history.events!.filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'alertBatch',
    );
    expect(batches.length).toBeLessThanOrEqual(3);
  });
});

/**
 * Posts alerts to one key until `total` have been sent (the first already was), spaced wider than the
 * forwarder's idle wait (20 ms), and waits until the incident has applied them all.
 */
async function storm(
  h: Harness,
  key: string,
  label: string,
  total: number,
  incidentId: string,
): Promise<{ sent: number; stormMs: number }> {
  const started = Date.now();
  let sent = 1;
  while (sent < total) {
    expect((await post(h, { dedupKey: key, summary: `${label} #${sent}`, severity: 'high' })).status).toBe(202);
    sent++;
    await new Promise((r) => setTimeout(r, 40));
  }
  const stormMs = Date.now() - started;
  await eventually(
    () => alertCount(h, incidentId),
    (n) => n >= sent,
    30_000,
  );
  return { sent, stormMs };
}

describe('a forwarder whose linger grows in a long storm', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ forwarder: false, env: { BREACHLINE_MFA_ROLES: 'none' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const signals = async (incidentId: string) => {
    const history = await h.client.workflow.getHandle(`incident-${incidentId}`).fetchHistory();
    return history.events!.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'alertBatch');
  };

  it('gathers a storm into fewer signals than the base linger allows, yet sends a lone alert after quiet at once', async () => {
    const base = 200;
    const max = 4_800;
    const key = `grow-${Date.now()}`;
    const first = await post(h, { dedupKey: key, summary: 'Long storm #0', severity: 'high' });
    expect(first.status).toBe(202);
    const incidentId: string = first.body.incidentId;
    h.startForwarder({ lingerMs: base, maxLingerMs: max });
    const { sent, stormMs } = await storm(h, key, 'Long storm', 80, incidentId);
    expect(await alertCount(h, incidentId)).toBe(sent);
    expect(await alertEvents(h, incidentId)).toBe(sent);
    const stormSignals = (await signals(incidentId)).length;
    // A linger fixed at the base would take a signal per 200 ms of storm; doubling (200, 400, 800,
    // 1,600, 3,200, 4,800 ...) takes a handful, plus the tail after the last alert.
    expect(stormSignals).toBeLessThan(stormMs / base / 2);
    expect(stormSignals).toBeLessThanOrEqual(7 + Math.ceil(stormMs / max));

    // Quiet for longer than the grown linger and a base linger after it: the forwarder forgets the storm.
    await new Promise((r) => setTimeout(r, max + base + 500));
    const lone = Date.now();
    expect((await post(h, { dedupKey: key, summary: 'After the storm', severity: 'high' })).status).toBe(202);
    await eventually(
      () => alertCount(h, incidentId),
      (n) => n === sent + 1,
      30_000,
    );
    // Sent at once in a signal of its own, not held for the storm's linger.
    expect(Date.now() - lone).toBeLessThan(max);
    const after = await signals(incidentId);
    expect(after.length).toBe(stormSignals + 1);
    // The admins' page says how much lag a storm shows by design (the app's setting, 5 s by default).
    const admin = await createTestUser(h, { email: `linger-${Date.now()}@example.org`, role: 'admin' });
    const page = await (await logInForm(h, admin.email, admin.password)).get('/settings/webhooks');
    expect(page.html).toContain("holds a busy incident's alerts for up to 5 s");
    expect(
      await count(h, 'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL', [incidentId]),
    ).toBe(0);
  });
});

describe('a forwarder past half the backlog depth', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ forwarder: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps every incident at the base linger, however long its storm, so the buffer drains first', async () => {
    const base = 200;
    const key = `deep-${Date.now()}`;
    const first = await post(h, { dedupKey: key, summary: 'Deep #0', severity: 'high' });
    const incidentId: string = first.body.incidentId;
    // A backlog of one counts as deep here: the linger may never grow.
    h.startForwarder({ lingerMs: base, maxLingerMs: 4_800, lingerBacklogLimit: 1 });
    const { sent, stormMs } = await storm(h, key, 'Deep', 120, incidentId);
    expect(await alertCount(h, incidentId)).toBe(sent);
    const history = await h.client.workflow.getHandle(`incident-${incidentId}`).fetchHistory();
    const signals = history.events!.filter(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'alertBatch',
    ).length;
    // Grown, it would take about six (200, 400, 800, 1,600, 3,200 ms ...); at the base linger one per 200 ms or so.
    expect(signals).toBeGreaterThan(stormMs / base / 3);
  });
});

describe('the per-source alert rate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { BREACHLINE_ALERT_SOURCE_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses an authenticated source over its rate with 503 and Retry-After, writing nothing', async () => {
    const key = `rate-${Date.now()}`;
    for (let i = 0; i < 3; i++) expect((await post(h, { dedupKey: key, summary: `Rate ${i}` })).status).toBe(202);
    const alerts = await count(h, 'SELECT COUNT(*) AS n FROM alerts');
    const over = await post(h, { dedupKey: key, summary: 'Rate 3' });
    expect(over.status).toBe(503);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(await count(h, 'SELECT COUNT(*) AS n FROM alerts')).toBe(alerts);
    // A request that proves no source is not counted against the source (nor refused as over its rate).
    const forged = await fetch(`${h.baseUrl}/webhooks/alerts/monitor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-breachline-signature': 't=1,v1=00' },
      body: '{}',
    });
    expect(forged.status).toBe(401);
  });
});
