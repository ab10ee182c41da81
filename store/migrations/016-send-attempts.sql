-- Issue 11: every claim names the attempt that holds it. An attempt Temporal has given up on
-- (a newer attempt of the same activity started) or that stopped beating is dead: its claims
-- become `uncertain`, and it can neither claim nor write an outcome any more.
CREATE TABLE send_attempts (
  id TEXT PRIMARY KEY,
  -- workflow run and activity id: the retries of one activity share it
  activity_key TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  alive_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX send_attempts_activity ON send_attempts (activity_key, attempt);
CREATE INDEX send_attempts_incident ON send_attempts (incident_id) WHERE ended_at IS NULL;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
-- Only claimed rows are in it: the sweep reads it, sends keep it small.
CREATE INDEX outbox_claims ON outbox (incident_id, claimed_by) WHERE status = 'claimed';
