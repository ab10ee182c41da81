// The v2 incident on the time-skipping server with its data-subject wave stubbed
// (fixtures/stub-wave-workflows.ts): deadlines, reminders and regulator reports go
// on while a wave runs or is paused; a hold pauses the wave and its release starts
// the rest; an oral hold's cap makes the notice due again; people imported during
// or after a wave are reached by another; a wave survives the incident's
// continue-as-new; and a v1 incident moves to v2 at its continue-as-new.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { openTimeskipWorld, until, type TimeskipWorld } from '../support/timeskip-world';
import type { WorkflowHandle } from '@temporalio/client';
import { getOrgProfile, saveOrgProfile } from '../../store/org-profile';
import type { incidentWorkflowV2 } from '../../workflows/incident/workflow';
import type { incidentWorkflow as incidentWorkflowV1 } from '../../workflows/incident-v1/workflow';
import {
  approveNoticesUpdate,
  assessUpdate,
  changeAwarenessUpdate,
  incidentStateQuery,
  INCIDENT_WORKFLOW,
  INCIDENT_WORKFLOW_V1,
  placeHoldUpdate,
  releaseHoldUpdate,
  subjectsImportedUpdate,
  triageUpdate,
} from '../../workflows/incident/messages';
import type { Actor, AssessmentRequest, IncidentInput, IncidentState } from '../../workflows/types';
import { finishStubWave } from './fixtures/stub-wave-workflows';
import { recordHistory } from '../support/histories';
import { insertTestIncident } from '../support/incident-row';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const actor: Actor = { kind: 'user', id: 'tester' };

let world: TimeskipWorld;
let env: TestWorkflowEnvironment;
let db: Db;
let worker: Worker;
let running: Promise<void>;
const TASK_QUEUE = 'waves-timeskip';

beforeAll(async () => {
  world = await openTimeskipWorld('waves');
  ({ env, db } = world);
  worker = await world.worker(TASK_QUEUE, require.resolve('./fixtures/stub-wave-workflows.ts'));
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await world?.close();
});

const eventsOf = (id: string, type: string) =>
  db.all<{ details_json: string | null; at: string }>(
    'SELECT details_json, at FROM audit_log WHERE incident_id = ? AND type = ? ORDER BY seq',
    [id, type],
  );
const count = async (id: string, type: string) => (await eventsOf(id, type)).length;
const waitFor = (id: string, type: string, n = 1) =>
  until(
    `${n} × ${type}`,
    () => count(id, type),
    (c) => c >= n,
  );

let seq = 0;
async function openIncident(
  people: { jurisdiction: string; n?: number }[],
  opts: { historyLimit?: number; workflowType?: string } = {},
): Promise<{ id: string; handle: WorkflowHandle<typeof incidentWorkflowV2> }> {
  const id = `01JWAVES${String(++seq).padStart(18, '0')}`;
  const start = new Date(await env.currentTimeMs()).toISOString();
  await insertTestIncident(db, id, { severity: 'high', createdAt: start, createdBy: 'tester' });
  await addPeople(id, people, 'i1');
  const input: IncidentInput = {
    incidentId: id,
    createdAt: start,
    openedBy: actor,
    severity: 'high',
    detectedAt: start,
    detectionMethod: 'other',
    dataCategories: [],
  } as IncidentInput;
  const handle = await env.client.workflow.start<typeof incidentWorkflowV2>(opts.workflowType ?? INCIDENT_WORKFLOW, {
    workflowId: `incident-${id}`,
    taskQueue: TASK_QUEUE,
    args: [input, undefined, { historyLimit: opts.historyLimit }],
  });
  return { id, handle };
}

async function addPeople(id: string, people: { jurisdiction: string; n?: number }[], importId: string) {
  for (const p of people) {
    for (let i = 0; i < (p.n ?? 1); i++) {
      const key = `${importId}-${p.jurisdiction}-${i}`;
      await db.run(
        "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?, 'P', ?, NULL, ?, 'en', ?, ?)",
        [id, `${key}@example.com`, p.jurisdiction, importId, key],
      );
    }
  }
}

function assessment(over: Partial<AssessmentRequest>): AssessmentRequest {
  return {
    assessmentId: 'a1',
    dataElements: ['name', 'email', 'account_credentials'],
    encrypted: false,
    keyCompromised: false,
    role: 'controller',
    controllerIds: [],
    riskLevel: 'high_risk',
    affected: {},
    sectors: [],
    actor,
    ...over,
  } as AssessmentRequest;
}

/** Confirms, imports, assesses and approves: the wave starts. */
async function toApproved(
  handle: WorkflowHandle<typeof incidentWorkflowV2>,
  over: Partial<AssessmentRequest>,
  imported = 1,
): Promise<string> {
  await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
  await handle.executeUpdate(subjectsImportedUpdate, { args: [{ importId: 'i1', imported, rejected: 0, actor }] });
  const assessed = await handle.executeUpdate(assessUpdate, { args: [assessment(over)] });
  const version = assessed.noticeVersion as string;
  await handle.executeUpdate(approveNoticesUpdate, { args: [{ noticeVersion: version, noteId: 'n2', actor }] });
  return version;
}

const state = (handle: WorkflowHandle<typeof incidentWorkflowV2>): Promise<IncidentState> =>
  handle.query(incidentStateQuery);
const waves = async (handle: WorkflowHandle<typeof incidentWorkflowV2>) => (await state(handle)).waves ?? [];
const finishWave = (waveId: string, sent: number) => finishStubWave(env.client, waveId, sent);

describe('a v2 incident while its data-subject wave runs', () => {
  it('sends the regulator report, reminds and escalates during the wave and while it is paused; release finishes it', async () => {
    const { id, handle } = await openIncident([{ jurisdiction: 'DE' }]);
    await toApproved(handle, { affected: { DE: 1 } });
    await waitFor(id, 'wave.started');
    // The GDPR report does not wait for the wave: it is settled while the wave still runs.
    await until(
      'the GDPR report',
      async () => (await count(id, 'regulator.report_sent')) + (await count(id, 'regulator.manual_filing')),
      (n) => n === 1,
    );
    expect((await waves(handle)).map((w) => w.status)).toEqual(['running']);
    const gdpr = (await state(handle)).obligations.find((o) => o.id.startsWith('eu-gdpr:regulator'))!;
    expect(gdpr.status).toBe('manual');

    // 49 hours in, the wave still running: the report's reminder fires (24 hours before its deadline).
    await env.sleep(49 * HOUR);
    expect(await count(id, 'deadline.reminder')).toBeGreaterThanOrEqual(1);
    expect((await waves(handle)).map((w) => w.status)).toEqual(['running']);

    // A hold stops the wave: the workflow signals it and records it paused.
    await handle.executeUpdate(placeHoldUpdate, {
      args: [{ holdId: 'h1', source: 'law_enforcement', form: 'written', reviewEveryDays: 30, actor }],
    });
    await waitFor(id, 'wave.paused');
    expect((await waves(handle)).map((w) => [w.status, w.pausedFor])).toEqual([['paused', 'hold']]);

    // The report's deadline passes while the wave is paused: escalation all the same.
    await env.sleep(24 * HOUR);
    expect(await count(id, 'deadline.escalation')).toBeGreaterThanOrEqual(1);
    expect(await count(id, 'wave.started')).toBe(1);

    await handle.executeUpdate(releaseHoldUpdate, { args: [{ reasonNoteId: 'n3', actor }] });
    await waitFor(id, 'wave.started', 2);
    const second = (await waves(handle))[1]!;
    expect(second.status).toBe('running');
    await finishWave(second.waveId, 1);
    await waitFor(id, 'wave.finished');
    const after = await state(handle);
    expect(after.obligations.filter((o) => o.audience === 'individuals' && o.required).map((o) => o.status)).toEqual([
      'sent',
    ]);
    const gate = await db.get<{ allowed_version: string | null }>(
      'SELECT allowed_version FROM send_gates WHERE incident_id = ?',
      [id],
    );
    expect(gate?.allowed_version).toBe(after.approval?.noticeVersion);
    await recordHistory(env.client, `incident-${id}`, 'v2-wave-hold-release');
  });

  it('reaches people imported during a wave and after it with another wave, without a new approval', async () => {
    const { id, handle } = await openIncident([{ jurisdiction: 'DE', n: 2 }]);
    const version = await toApproved(handle, { affected: { DE: 2 } }, 2);
    await waitFor(id, 'wave.started');
    const first = (await waves(handle))[0]!;

    // Imported mid-wave: above the running wave's range, so another wave follows it.
    await addPeople(id, [{ jurisdiction: 'DE' }], 'i2');
    const mid = await handle.executeUpdate(subjectsImportedUpdate, {
      args: [{ importId: 'i2', imported: 1, rejected: 0, actor }],
    });
    expect(mid.noticeVersion).toBe(version);
    expect(await count(id, 'approval.invalidated')).toBe(0);
    await finishWave(first.waveId, 2);
    await waitFor(id, 'wave.started', 2);
    const second = (await waves(handle))[1]!;
    expect(second.noticeVersion).toBe(version);
    await finishWave(second.waveId, 3);
    await waitFor(id, 'wave.finished', 2);

    // Imported after every wave ended: one more.
    await addPeople(id, [{ jurisdiction: 'DE' }], 'i3');
    await handle.executeUpdate(subjectsImportedUpdate, { args: [{ importId: 'i3', imported: 1, rejected: 0, actor }] });
    await waitFor(id, 'wave.started', 3);
    const third = (await waves(handle))[2]!;
    await finishWave(third.waveId, 4);
    await waitFor(id, 'wave.finished', 3);
    expect((await state(handle)).sentByVersion).toEqual({ [version]: 4 });
    await recordHistory(env.client, `incident-${id}`, 'v2-wave-imports');
  });

  it('makes the notice due again when an oral hold reaches its legal limit (HIPAA: 30 days)', async () => {
    // A US company: with the default Irish establishment GDPR would apply too, and GDPR sets no cap.
    const profile = await getOrgProfile(db);
    await saveOrgProfile(db, { ...profile, mainEstablishment: 'US', otherEstablishments: [] });
    onTestFinished(() => saveOrgProfile(db, profile));
    const { id, handle } = await openIncident([{ jurisdiction: 'US-FL' }]);
    await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
    await handle.executeUpdate(subjectsImportedUpdate, { args: [{ importId: 'i1', imported: 1, rejected: 0, actor }] });
    await handle.executeUpdate(placeHoldUpdate, {
      args: [{ holdId: 'h1', source: 'law_enforcement', form: 'oral', reviewEveryDays: 60, actor }],
    });
    const assessed = await handle.executeUpdate(assessUpdate, {
      args: [assessment({ affected: { 'US-FL': 1 }, sectors: ['hipaa'], dataElements: ['name', 'health'] })],
    });
    await handle.executeUpdate(approveNoticesUpdate, {
      args: [{ noticeVersion: assessed.noticeVersion as string, noteId: 'n2', actor }],
    });
    const held = (await state(handle)).obligations.find((o) => o.id === 'us-hipaa:individuals:individuals');
    expect(held, JSON.stringify((await state(handle)).obligations.map((o) => [o.id, o.status]))).toBeDefined();
    expect(held!.status).toBe('held');
    expect(held!.heldUntil).toBeDefined();
    expect(await count(id, 'wave.started')).toBe(0);

    await env.sleep(29 * DAY);
    expect(await count(id, 'hold.cap_expired')).toBe(0);
    await env.sleep(2 * DAY);
    await waitFor(id, 'hold.cap_expired');
    await waitFor(id, 'wave.started');
    expect((await state(handle)).obligations.find((o) => o.id === held!.id)!.status).toBe('pending');
    await finishWave((await waves(handle))[0]!.waveId, 1);
    await waitFor(id, 'wave.finished');
  });

  it('moves the deadlines when the awareness time moves backwards, and reminds by the new one', async () => {
    const { id, handle } = await openIncident([{ jurisdiction: 'DE' }]);
    await toApproved(handle, { affected: { DE: 1 } });
    await waitFor(id, 'regulator.manual_filing');
    const before = (await state(handle)).obligations.find((o) => o.id.startsWith('eu-gdpr:regulator'))!;
    const earlier = new Date(Date.parse((await state(handle)).awarenessAt!) - 10 * HOUR).toISOString();
    await handle.executeUpdate(changeAwarenessUpdate, { args: [{ awarenessAt: earlier, reasonNoteId: 'n4', actor }] });
    const moved = (await state(handle)).obligations.find((o) => o.id === before.id)!;
    expect(Date.parse(moved.dueAt!)).toBe(Date.parse(before.dueAt!) - 10 * HOUR);
    // A report settled before the change keeps its status.
    expect(moved.status).toBe(before.status);
    await env.sleep(38 * HOUR + 30 * 60_000);
    await until(
      'the reminder by the moved deadline',
      async () => (await eventsOf(id, 'deadline.reminder')).map((e) => JSON.parse(e.details_json!).dueAt),
      (dues) => dues.includes(moved.dueAt),
    );
    await finishWave((await waves(handle))[0]!.waveId, 1);
  });

  // One retry: on a CPU-starved machine (CI with other load) this test hung once in a few runs inside the
  // time-skipping server's 80-hour sleep across a continue-as-new (in 25 runs on a quiet machine, never);
  // the retry starts a new incident, so a real failure still fails twice.
  it('keeps a running wave across the incident continue-as-new; the new run hears its end', { retry: 1 }, async () => {
    const { id, handle } = await openIncident([{ jurisdiction: 'DE' }], { historyLimit: 40 });
    await toApproved(handle, { affected: { DE: 1 } });
    await waitFor(id, 'wave.started');
    const firstRun = (await handle.describe()).runId;
    // Reminders and escalations fire while the wave runs; their turns push the run past its limit.
    await env.sleep(80 * HOUR);
    await until(
      'a new run',
      async () => (await handle.describe()).runId,
      (r) => r !== firstRun,
    );
    const wave = (await waves(handle))[0]!;
    expect(wave.status).toBe('running');
    await finishWave(wave.waveId, 1);
    await waitFor(id, 'wave.finished');
    expect((await state(handle)).subjectsNotifiedAt).not.toBeNull();
    await recordHistory(env.client, `incident-${id}`, 'v2-continued-as-new');
  });
});

describe('a v1 incident', () => {
  it('moves to v2 at its next continue-as-new and keeps its state', async () => {
    const { id, handle } = await openIncident([{ jurisdiction: 'DE' }], {
      historyLimit: 45,
      workflowType: INCIDENT_WORKFLOW_V1,
    });
    const v1 = handle as unknown as WorkflowHandle<typeof incidentWorkflowV1>;
    const firstRun = await handle.describe();
    expect(firstRun.type).toBe(INCIDENT_WORKFLOW_V1);
    await v1.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
    await v1.executeUpdate(assessUpdate, { args: [assessment({ affected: { DE: 1 } })] });
    // Reminders and escalations push the run past its limit; at that continue-as-new it moves.
    for (let h = 0; h < 8 && (await handle.describe()).type !== INCIDENT_WORKFLOW; h++) await env.sleep(12 * HOUR);
    const moved = await until(
      'the move to v2',
      () => handle.describe(),
      (d) => d.type === INCIDENT_WORKFLOW,
    );
    expect(moved.runId).not.toBe(firstRun.runId);
    await waitFor(id, 'workflow.migrated');
    const s = await state(handle);
    expect(s.workflowType).toBe(INCIDENT_WORKFLOW);
    expect(s.awarenessAt).not.toBeNull();
    expect(s.obligations.length).toBeGreaterThan(0);
    const row = await db.get<{ workflow_type: string }>('SELECT workflow_type FROM incidents WHERE id = ?', [id]);
    expect(row?.workflow_type).toBe(INCIDENT_WORKFLOW);
    await recordHistory(env.client, firstRun.workflowId, 'v1-migrate-v2', firstRun.runId);
  });
});
