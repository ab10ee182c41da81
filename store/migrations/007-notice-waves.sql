-- A notice wave's audience, counted when its first page starts. Outbox rows are
-- created as people are reached, so progress needs to know who is still to come.
CREATE TABLE notice_waves (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  email_expected INTEGER NOT NULL,
  sms_expected INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version)
);
