// The SQLite incident row a workflow test needs before it starts a workflow
// directly (persistState updates that row; it never creates it).
import type { Db } from '../../store/connection';
import { insertIncidentTx, type NewIncident } from '../../store/incident-store';

export function insertTestIncident(db: Db, id: string, over: Partial<NewIncident> = {}): Promise<void> {
  const at = over.createdAt ?? new Date().toISOString();
  return db.transaction((tx) =>
    insertIncidentTx(tx, {
      id,
      title: 't',
      description: '',
      severity: 'low',
      detectedAt: at,
      occurredAt: null,
      detectionMethod: 'other',
      dataCategories: [],
      reporter: null,
      source: null,
      linkedIncidentId: null,
      createdAt: at,
      createdBy: 'u',
      workflowType: 'incidentWorkflowV2',
      ...over,
    }),
  );
}
