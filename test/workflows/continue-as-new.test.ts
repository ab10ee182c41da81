// A long-lived incident continues as new well before Temporal's limits, and an
// update repeated with the same id after that still returns its first answer
// without a second effect.
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWorkflowV2 as incidentWorkflow } from '../../workflows/incident/workflow';
import {
  alertBatchSignal,
  alertSignal,
  incidentStateQuery,
  recomputeUpdate,
  triageUpdate,
} from '../../workflows/incident/messages';
import type { Actor } from '../../workflows/types';
import { eventually, startHarness, type Harness } from '../support/app-harness';
import { insertTestIncident } from '../support/incident-row';
import { scanIncidentHistories } from '../support/history-scan';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const actor: Actor = { kind: 'user', id: 'tester' };

describe('continue-as-new', () => {
  it('keeps each run short and honours update ids across runs', async () => {
    const id = '01JCONTINUEASNEW0000000001';
    const now = new Date().toISOString();
    await insertTestIncident(h.db, id);
    const handle = await h.client.workflow.start(incidentWorkflow, {
      workflowId: `incident-${id}`,
      taskQueue: h.taskQueue,
      args: [
        {
          incidentId: id,
          createdAt: now,
          openedBy: actor,
          severity: 'low',
          detectedAt: now,
          detectionMethod: 'other',
          dataCategories: [],
        },
        undefined,
        { historyLimit: 40 },
      ],
    });
    const first = await handle.executeUpdate(triageUpdate, {
      args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }],
      updateId: 'triage-once',
    });
    const firstRun = (await handle.describe()).runId;

    for (let i = 0; i < 12; i++)
      await handle.signal(alertSignal, { alertId: `a${i}`, action: 'trigger', receivedAt: new Date().toISOString() });
    for (let i = 0; i < 6; i++)
      await handle.executeUpdate(recomputeUpdate, {
        args: [{ reasonNoteId: `note-r${i}`, actor }],
        updateId: `recompute-${i}`,
      });

    const later = await eventually(
      () => handle.describe(),
      (d) => d.runId !== firstRun,
    );
    expect(later.runId).not.toBe(firstRun);

    const again = await h.client.workflow.getHandle(`incident-${id}`).executeUpdate(triageUpdate, {
      args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }],
      updateId: 'triage-once',
    });
    expect(again).toEqual(first);
    const confirms = await h.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM audit_log WHERE incident_id = ? AND type = 'triage.confirmed'",
      [id],
    );
    expect(confirms!.n).toBe(1);

    const state = await h.client.workflow.getHandle(`incident-${id}`).query(incidentStateQuery);
    expect(state.alertCount).toBe(12);
    expect(state.stage).toBe('assessment');
    // The SQLite read model agrees with the workflow's own state (the one consistency check by query).
    const row = await h.db.get<{ state_version: number; alert_count: number; stage: string }>(
      'SELECT state_version, alert_count, stage FROM incidents WHERE id = ?',
      [id],
    );
    expect(row).toEqual({ state_version: state.stateVersion, alert_count: 12, stage: 'assessment' });

    // The length is checked once per turn of the main loop, and workflowInfo().historyLength is
    // the length at the start of the workflow task, so a run can pass the limit by up to two
    // turns (an alert batch and one update, about fifteen events each) before it continues as
    // new. CI once saw 66 events here; without continue-as-new this run would hold every event.
    const history = await h.client.workflow.getHandle(`incident-${id}`, firstRun).fetchHistory();
    const events = history.events!;
    expect(events.at(-1)!.eventType).toBe(
      temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
    );
    expect(events.length).toBeLessThanOrEqual(40 + 2 * 20);

    // The personal-data scan reaches every run, the continued ones too.
    const runs = await scanIncidentHistories(h.client, id);
    expect(runs.filter((r) => r.workflowId === `incident-${id}`).map((r) => r.runId)).toEqual(
      expect.arrayContaining([firstRun, later.runId]),
    );
  });

  it('refuses a request whose caller already stopped waiting, and runs two copies of one request once', async () => {
    const id = '01JCONTINUEASNEW0000000002';
    const now = new Date().toISOString();
    await insertTestIncident(h.db, id);
    const handle = await h.client.workflow.start(incidentWorkflow, {
      workflowId: `incident-${id}`,
      taskQueue: h.taskQueue,
      args: [
        {
          incidentId: id,
          createdAt: now,
          openedBy: actor,
          severity: 'low',
          detectedAt: now,
          detectionMethod: 'other',
          dataCategories: [],
        },
      ],
    });
    const expired = handle.executeUpdate(triageUpdate, {
      args: [
        {
          decision: 'confirm',
          reasonNoteId: 'n1',
          actor,
          requestKey: 'k-expired',
          respondBy: new Date(Date.now() - 1000).toISOString(),
        },
      ],
    });
    await expect(expired).rejects.toThrow();
    expect((await handle.query(incidentStateQuery)).stage).toBe('triage');

    const copies = await Promise.all(
      [1, 2, 3].map(() =>
        handle.executeUpdate(triageUpdate, {
          args: [{ decision: 'confirm', reasonNoteId: 'n2', actor, requestKey: 'k-once' }],
        }),
      ),
    );
    expect(new Set(copies.map((c) => c.stateVersion)).size).toBe(1);
    const confirms = await h.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM audit_log WHERE incident_id = ? AND type = 'triage.confirmed'",
      [id],
    );
    expect(confirms!.n).toBe(1);
  });
});

describe('the alert high-water mark across continue-as-new', () => {
  it('skips a batch re-sent whole after the run continued as new', async () => {
    const id = '01JCONTINUEASNEW0000000003';
    const now = new Date().toISOString();
    await insertTestIncident(h.db, id);
    const handle = await h.client.workflow.start(incidentWorkflow, {
      workflowId: `incident-${id}`,
      taskQueue: h.taskQueue,
      args: [
        {
          incidentId: id,
          createdAt: now,
          openedBy: actor,
          severity: 'low',
          detectedAt: now,
          detectionMethod: 'other',
          dataCategories: [],
        },
        undefined,
        { historyLimit: 40 },
      ],
    });
    const firstRun = (await handle.describe()).runId;
    const batch = (from: number, to: number) => ({
      alerts: Array.from({ length: to - from + 1 }, (_, i) => ({
        alertId: `b${from + i}`,
        seq: from + i,
        action: 'trigger' as const,
        receivedAt: now,
      })),
    });
    // Batches of growing size, each re-sending all before it, as a forwarder killed before every mark would.
    // Each applied before the next goes, so each takes its own workflow task and the history grows past the limit.
    for (let to = 1; to <= 12; to++) {
      await handle.signal(alertBatchSignal, batch(1, to));
      await eventually(
        () => h.client.workflow.getHandle(`incident-${id}`).query(incidentStateQuery),
        (s) => (s.alertSeqApplied ?? 0) >= to,
      );
    }
    await eventually(
      () => handle.describe(),
      (d) => d.runId !== firstRun,
    );
    await handle.signal(alertBatchSignal, batch(1, 13));
    const state = await eventually(
      () => h.client.workflow.getHandle(`incident-${id}`).query(incidentStateQuery),
      (s) => s.alertSeqApplied === 13,
    );
    expect(state.alertCount).toBe(13);
    // The timeline is written after the state changes; once the thirteenth is there, no more will come.
    const events = await eventually(
      () =>
        h.db.get<{ n: number }>(
          "SELECT COUNT(*) AS n FROM audit_log WHERE incident_id = ? AND type = 'alert.trigger'",
          [id],
        ),
      (r) => r!.n >= 13,
    );
    expect(events!.n).toBe(13);
  });
});
