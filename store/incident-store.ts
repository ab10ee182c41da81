// The incident read model: what the workflow decided, as SQLite rows. The
// workflow is the writer; state_version guards make an older snapshot that
// arrives late (an activity retry, two updates in flight) a no-op.
import type { Db, Tx } from './connection';
import { appendAuditManyTx } from './audit';
import { writeSendGateTx } from './send-gates';
import type { DetectionMethod, IncidentState, TimelineEvent, TrackedObligation } from '../workflows/types';
import { nowIso } from '../lib/clock';

export interface IncidentRow {
  id: string;
  title: string;
  description: string;
  severity: string;
  detected_at: string;
  occurred_at: string | null;
  /** A code from DETECTION_METHODS. */
  detection_method: string;
  /** The words given for how it was found (an unknown method's text, an alert's source); may name people. */
  detection_note: string | null;
  data_categories: string;
  reporter: string | null;
  source: string | null;
  linked_incident_id: string | null;
  created_at: string;
  created_by: string;
  stage: string;
  status: string;
  role: string | null;
  awareness_at: string | null;
  alert_count: number;
  state_version: number;
  state_json: string | null;
  updated_at: string;
  /** The registered workflow type running the incident (migration 020). */
  workflow_type: string;
}

export interface NewIncident {
  id: string;
  title: string;
  description: string;
  severity: string;
  detectedAt: string;
  occurredAt: string | null;
  detectionMethod: DetectionMethod;
  detectionNote?: string | null;
  dataCategories: string[];
  reporter: string | null;
  source: string | null;
  linkedIncidentId: string | null;
  createdAt: string;
  createdBy: string;
  /** The registered workflow type the incident starts as. */
  workflowType: string;
}

export async function insertIncidentTx(tx: Tx, i: NewIncident): Promise<void> {
  await tx.run(
    `INSERT INTO incidents (id, title, description, severity, detected_at, occurred_at, detection_method, detection_note, data_categories, reporter, source, linked_incident_id, created_at, created_by, updated_at, workflow_type)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    [
      i.id,
      i.title,
      i.description,
      i.severity,
      i.detectedAt,
      i.occurredAt,
      i.detectionMethod,
      i.detectionNote ?? null,
      JSON.stringify(i.dataCategories),
      i.reporter,
      i.source,
      i.linkedIncidentId,
      i.createdAt,
      i.createdBy,
      i.createdAt,
      i.workflowType,
    ],
  );
}

/** Which data-subject notice version may be sent now (see send-gates.ts); null: none. */
export interface SendGateUpdate {
  allowedVersion: string | null;
  reason: string | null;
}

/**
 * Writes the workflow's state, its timeline events and, when given, the incident's send gate, in one
 * transaction. The gate is written only with a state that applies, so a late older snapshot cannot
 * reopen a gate a newer one closed; without `gate` the gate row is left as it is.
 */
export async function saveIncidentState(
  db: Db,
  state: IncidentState,
  events: (TimelineEvent & { eventKey?: string })[],
  gate?: SendGateUpdate,
): Promise<{ applied: boolean }> {
  return db.transaction(async (tx) => {
    await appendAuditManyTx(
      tx,
      events.map((e) => ({
        incidentId: e.incidentId,
        type: e.type,
        at: e.at,
        actor: e.actor,
        summary: e.summary,
        details: e.details,
        eventKey: e.eventKey,
      })),
    );
    // An equal version is the same write run again: an activity's retry, or a local activity's run
    // after a worker died before Temporal recorded its result. The replay's state may hold more than
    // the first run's (signals that arrived meanwhile, with events the append above just added), so it
    // must replace it, or those alerts stay uncounted until the next write. Only older versions are
    // stale, and so is an equal one that counts fewer alerts: the first run's write, from a worker that
    // stalled past its workflow task and committed after the replay's.
    const r = await tx.run(
      `UPDATE incidents SET stage = ?, status = ?, role = ?, awareness_at = ?, alert_count = ?, state_version = ?, state_json = ?, updated_at = ?,
         workflow_type = COALESCE(?, workflow_type)
       WHERE id = ? AND (state_version < ? OR (state_version = ? AND alert_count <= ?))`,
      [
        state.stage,
        state.status,
        state.facts?.role ?? null,
        state.awarenessAt,
        state.alertCount,
        state.stateVersion,
        JSON.stringify(state),
        nowIso(),
        // A v1 run's state names no type; a v2 run's first write (also after a move from v1) sets it.
        state.workflowType ?? null,
        state.incidentId,
        state.stateVersion,
        state.stateVersion,
        state.alertCount,
      ],
    );
    if (r.changes === 0) return { applied: false };
    if (gate) await writeSendGateTx(tx, { incidentId: state.incidentId, ...gate });
    await replaceObligationsTx(tx, state.incidentId, state.obligations, state.stateVersion);
    if (state.status !== 'open') await releaseAlertDedupTx(tx, state.incidentId);
    return { applied: true };
  });
}

async function replaceObligationsTx(
  tx: Tx,
  incidentId: string,
  obligations: TrackedObligation[],
  version: number,
): Promise<void> {
  await tx.run('DELETE FROM obligations WHERE incident_id = ?', [incidentId]);
  for (const o of obligations) {
    await tx.run(
      `INSERT INTO obligations (incident_id, id, regime, audience, recipient, required, due_at, deadline, basis, why, content_json, hold_may_delay, status, superseded_reason, fulfilled_at, filing_reference, state_version,
         due_now, clock_started_at, remind_at, escalate_at, met_at, unconfirmed_facts_json)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [
        incidentId,
        o.id,
        o.regime,
        o.audience,
        o.recipient,
        o.required ? 1 : 0,
        o.dueAt,
        o.deadline,
        o.basis,
        o.why,
        JSON.stringify(o.content),
        o.holdMayDelay ? 1 : 0,
        o.status,
        o.supersededReason ?? null,
        o.fulfilledAt ?? null,
        o.filingReference ?? null,
        version,
        o.dueNow ? 1 : 0,
        o.clockStartedAt ?? null,
        o.remindAt ?? null,
        o.escalateAt ?? null,
        o.metAt ?? null,
        JSON.stringify(o.unconfirmedFacts ?? []),
      ],
    );
  }
}

/** A closed or dismissed incident no longer absorbs alerts: the next trigger for its key opens a new incident. */
export async function releaseAlertDedupTx(tx: Tx, incidentId: string): Promise<void> {
  const now = nowIso();
  await tx.run(
    'INSERT INTO alert_dedup_history (source, dedup_key, incident_id, closed_at) SELECT source, dedup_key, incident_id, ? FROM alert_dedup WHERE incident_id = ?',
    [now, incidentId],
  );
  await tx.run('DELETE FROM alert_dedup WHERE incident_id = ?', [incidentId]);
}

export async function getIncident(db: Db, id: string): Promise<IncidentRow | undefined> {
  return db.get<IncidentRow>('SELECT * FROM incidents WHERE id = ?', [id]);
}

export function parseState(row: IncidentRow): IncidentState | null {
  return row.state_json ? (JSON.parse(row.state_json) as IncidentState) : null;
}

export async function getNote(db: Db, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  return (await db.get<{ body: string }>('SELECT body FROM notes WHERE id = ?', [id]))?.body ?? null;
}

/** Undefined when there is no such incident. */
export async function getIncidentStatus(db: Db, id: string): Promise<{ id: string; status: string } | undefined> {
  return db.get<{ id: string; status: string }>('SELECT id, status FROM incidents WHERE id = ?', [id]);
}

/** What an incident's workflow is started with. */
export type IncidentOriginRow = Pick<IncidentRow, 'created_at' | 'severity' | 'detected_at' | 'detection_method'> & {
  source: string | null;
  workflow_type: string;
};
export const getIncidentOrigin = (db: Db | Tx, id: string) =>
  db.get<IncidentOriginRow>(
    'SELECT created_at, severity, detected_at, detection_method, source, workflow_type FROM incidents WHERE id = ?',
    [id],
  );
