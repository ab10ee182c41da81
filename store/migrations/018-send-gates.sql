-- Whether data-subject notices of an incident may go out now. The incident workflow
-- writes the row in the same transaction as the incident's state (a law-enforcement
-- hold, a withdrawn approval or a close stops a running wave), and every claim of a
-- data-subject outbox row re-reads it in the same statement or transaction, so once
-- it closes only requests already handed to a provider complete.
--   no row                      ungated: sends allowed. Incidents whose workflow never
--                               writes a gate (incidentWorkflow v1, activities called
--                               directly) keep sending as before.
--   allowed_version = V         only notice version V may be sent to data subjects.
--   allowed_version NULL        nothing may be sent to data subjects.
-- reason is a short code for the UI: 'hold', 'withdrawn', 'closed', 'not_approved'.
-- Regulator reports, controller notices and reminders are not gated by it.
CREATE TABLE send_gates (
  incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
  allowed_version TEXT NULL,
  reason TEXT NULL,
  updated_at TEXT NOT NULL
);
