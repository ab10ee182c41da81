-- Failed logins counted per (account, source address) instead of per account:
-- a lockout per account let anyone keep its owner out with one wrong guess per
-- lock period. The account is the email as typed (lower-cased), so an unknown
-- email is throttled exactly like a real one and a refusal tells nobody which
-- emails have an account. The per-account columns go with the lockout.
CREATE TABLE login_failures (
  account TEXT NOT NULL,
  source TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failed_at TEXT NOT NULL,
  blocked_until TEXT,
  PRIMARY KEY (account, source)
);
CREATE INDEX login_failures_last_failed ON login_failures(last_failed_at);

ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
