-- A noisy key can be snoozed per source: until the snooze ends, a trigger for that key opens no new
-- incident (it is kept as an ignored alert, so nothing is lost). Alerts for a key whose incident is
-- already open still join it. Ended snoozes stay for the record (ended_at, ended_by).
CREATE TABLE alert_snoozes (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  until TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  ended_at TEXT,
  ended_by TEXT
);
CREATE INDEX alert_snoozes_key ON alert_snoozes(source, dedup_key, until) WHERE ended_at IS NULL;
