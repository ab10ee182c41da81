import type { Db } from '../store/connection';
import { saveIncidentState } from '../store/incident-store';
import type { IncidentState, TimelineEvent } from '../workflows/types';

export const createPersistState =
  (db: Db) =>
  async (input: {
    state: IncidentState;
    events: (TimelineEvent & { eventKey: string })[];
  }): Promise<{ applied: boolean }> =>
    saveIncidentState(db, input.state, input.events);
