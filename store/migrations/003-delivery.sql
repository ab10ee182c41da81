-- Fan-out to large incidents: subject notices are paged by subject id, so the
-- outbox row carries it as a number with an index that serves the range scans.
ALTER TABLE outbox ADD COLUMN subject_id INTEGER;
-- When a row became uncertain; re-sent once after the configured wait.
ALTER TABLE outbox ADD COLUMN uncertain_at TEXT;
-- A row re-sent after an unresolved uncertain attempt: the person may have it twice.
ALTER TABLE outbox ADD COLUMN possible_duplicate INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN delivered_at TEXT;
CREATE INDEX outbox_subject_page ON outbox(incident_id, notice_version, channel, subject_id);
CREATE INDEX outbox_uncertain ON outbox(incident_id, notice_version, status, uncertain_at);
-- Provider delivery events already applied, so repeats change nothing.
CREATE TABLE delivery_events (
  event_key TEXT PRIMARY KEY,
  outbox_id TEXT,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL
);
