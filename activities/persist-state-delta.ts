// The v2 incident's write: the state without its obligations, the obligations that
// changed since the previous write, the timeline events and the data-subject send
// gate, committed together. The workflow sends one write at a time, so merging onto
// the stored state cannot lose a concurrent change; the version check in the store
// refuses a stale retry.
import type { Db } from '../store/connection';
import { failpoint } from '../lib/failpoints';
import { getIncident, parseState, saveIncidentState } from '../store/incident-store';
import type { IncidentState, SendGate, TimelineEvent, TrackedObligation } from '../workflows/types';

export type StateWithoutObligations = Omit<
  IncidentState,
  'obligations' | 'firedReminders' | 'recentUpdates' | 'recentAlertIds'
>;

export interface PersistStateDeltaInput {
  state: StateWithoutObligations;
  /** Only the obligations that changed since the previous write. */
  obligations: TrackedObligation[];
  events: (TimelineEvent & { eventKey: string })[];
  gate: SendGate;
}

export const createPersistStateDelta =
  (db: Db) =>
  async (input: PersistStateDeltaInput): Promise<{ applied: boolean }> => {
    const row = await getIncident(db, input.state.incidentId);
    const stored = row ? parseState(row) : null;
    const obligations = new Map((stored?.obligations ?? []).map((o) => [o.id, o]));
    for (const o of input.obligations) obligations.set(o.id, o);
    const state: IncidentState = {
      firedReminders: [],
      recentAlertIds: [],
      ...stored,
      ...input.state,
      recentUpdates: {},
      obligations: [...obligations.values()],
    };
    const saved = await saveIncidentState(db, state, input.events, input.gate);
    // Committed but not yet in history (a local activity's result is recorded with its workflow task): crash tests die here.
    if (saved.applied) failpoint('incident.state_saved');
    return saved;
  };
