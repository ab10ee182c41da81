import type { Db } from '../store/connection';
import { saveIncidentState, type SendGateUpdate } from '../store/incident-store';
import type { IncidentState, TimelineEvent } from '../workflows/types';

export const createPersistState =
  (db: Db) =>
  async (input: {
    state: IncidentState;
    events: (TimelineEvent & { eventKey: string })[];
    /** The incident's send gate, written with the state; absent: the gate row is left as it is. */
    gate?: SendGateUpdate;
  }): Promise<{ applied: boolean }> =>
    saveIncidentState(db, input.state, input.events, input.gate);
