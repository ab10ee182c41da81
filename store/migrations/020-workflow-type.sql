-- The registered workflow type running each incident. Incidents from before this
-- column ran the first incident workflow (`incidentWorkflow`, frozen in
-- workflows/incident-v1); new ones start as `incidentWorkflowV2`, and a v1 incident
-- that moves to v2 at a continue-as-new has its row updated by its first v2 write.
ALTER TABLE incidents ADD COLUMN workflow_type TEXT NOT NULL DEFAULT 'incidentWorkflow';
