-- Web state that must be the same on every web server when several share one database (PostgreSQL):
-- the session data express-session keeps (on SQLite it stays in connect-sqlite3's sessions.sqlite, so a
-- busy UI does not compete for the main file's write lock) and the rate limiters' hit counts.
CREATE TABLE web_sessions (
  sid TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_expires ON web_sessions (expires_at);

CREATE TABLE rate_limit_hits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  reset_at BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_reset ON rate_limit_hits (reset_at);
