// An incident workflow started before detection methods were codes has free text in its input.
// It keeps running, reads the text as `other`, and writes nothing of it again: not in the state
// it persists, not in its events, not in the input of the run it continues as.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';
import { incidentWorkflowV2 as incidentWorkflow } from '../../workflows/incident/workflow';
import { alertSignal, incidentStateQuery, triageUpdate } from '../../workflows/incident/messages';
import type { Actor, IncidentInput } from '../../workflows/types';
import { eventually, startHarness, type Harness } from '../support/app-harness';
import { historyText, scanIncidentHistories } from '../support/history-scan';
import { insertTestIncident } from '../support/incident-row';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const actor: Actor = { kind: 'user', id: 'tester' };
const LEGACY_TEXT = 'Phoned in by legacy.caller@example.com on +15555550142 LEGACY-DETECTION-MARKER';
const { EventType } = temporal.api.enums.v1;

describe('a running incident whose input has a free-text detection method', () => {
  it('reads it as other and writes the text nowhere after its start, across continue-as-new', async () => {
    const id = '01JLEGACYDETECTION00000001';
    const now = new Date().toISOString();
    await insertTestIncident(h.db, id);
    const input = {
      incidentId: id,
      createdAt: now,
      openedBy: actor,
      severity: 'low',
      detectedAt: now,
      detectionMethod: LEGACY_TEXT,
      dataCategories: [],
    } as unknown as IncidentInput;
    const handle = await h.client.workflow.start(incidentWorkflow, {
      workflowId: `incident-${id}`,
      taskQueue: h.taskQueue,
      args: [input, undefined, { historyLimit: 40 }],
    });
    await handle.executeUpdate(triageUpdate, { args: [{ decision: 'confirm', reasonNoteId: 'n1', actor }] });
    const firstRun = (await handle.describe()).runId;
    // Alerts until the history passes its limit and the run continues as new (how many depends on how
    // many events each takes, which the workflow's own writes change).
    const current = () => h.client.workflow.getHandle(`incident-${id}`).describe();
    for (let i = 0; i < 60 && (await current()).runId === firstRun; i++) {
      await handle.signal(alertSignal, { alertId: `a${i}`, action: 'trigger', receivedAt: new Date().toISOString() });
      await eventually(
        () => h.client.workflow.getHandle(`incident-${id}`).query(incidentStateQuery),
        (st) => st.alertCount > i,
      );
    }
    await eventually(current, (d) => d.runId !== firstRun);
    const state = await h.client.workflow.getHandle(`incident-${id}`).query(incidentStateQuery);
    expect(state.input.detectionMethod).toBe('other');
    const row = await h.db.get<{ state_json: string }>('SELECT state_json FROM incidents WHERE id = ?', [id]);
    expect(row!.state_json).not.toContain('LEGACY-DETECTION-MARKER');

    const runs = await scanIncidentHistories(h.client, id);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      const history = await h.client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      for (const event of history.events ?? []) {
        // The first run's start event is the old input, written before this code; nothing else may hold it.
        if (run.runId === firstRun && event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) continue;
        const text = historyText(event).join('\n');
        expect(text.includes('LEGACY-DETECTION-MARKER'), `${run.runId} event ${event.eventId} ${event.eventType}`).toBe(
          false,
        );
      }
    }
  }, 60_000);
});
