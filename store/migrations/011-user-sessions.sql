-- Which person each web session belongs to. The sessions themselves stay in
-- connect-sqlite3's own file; this index lets a person's sessions be listed and
-- ended (disabled account, new password) through that store.
CREATE TABLE user_sessions (
  sid TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX user_sessions_user ON user_sessions(user_id, last_seen_at);
