-- A second factor per person: a TOTP secret sealed with BREACHLINE_SECRETS_KEY
-- (it must be read back to check codes, so it cannot be hashed), confirmed_at set
-- once a code proved the authenticator holds it, and the last time step accepted
-- so that a code cannot be used twice. Recovery codes are random, so a SHA-256
-- of each is enough; used_at marks the one use each has.
CREATE TABLE user_totp (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  secret_enc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  last_step INTEGER
);

CREATE TABLE user_recovery_codes (
  user_id TEXT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);
