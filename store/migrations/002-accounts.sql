-- People who log in, their API tokens, incidents limited to named members,
-- and alert webhook sources created in the UI.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  disabled_at TEXT
);

ALTER TABLE api_tokens ADD COLUMN user_id TEXT REFERENCES users(id);

ALTER TABLE incidents ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
CREATE TABLE incident_members (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (incident_id, user_id)
);

CREATE TABLE webhook_sources (
  name TEXT PRIMARY KEY,
  secret_enc TEXT NOT NULL,
  previous_secret_enc TEXT,
  previous_valid_until TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  rotated_at TEXT
);
