-- Issue 13: what the rules engine says beyond a due date. An obligation due "immediately" or
-- "without undue delay" has no due_at but is due now since its clock started; met_at is the
-- notice that fulfilled it; unconfirmed facts are catalog facts not checked against the law's text.
ALTER TABLE obligations ADD COLUMN due_now INTEGER NOT NULL DEFAULT 0;
ALTER TABLE obligations ADD COLUMN clock_started_at TEXT;
ALTER TABLE obligations ADD COLUMN remind_at TEXT;
ALTER TABLE obligations ADD COLUMN escalate_at TEXT;
ALTER TABLE obligations ADD COLUMN met_at TEXT;
ALTER TABLE obligations ADD COLUMN unconfirmed_facts_json TEXT NOT NULL DEFAULT '[]';
