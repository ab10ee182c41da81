-- When a person's sessions were last ended as a whole (disabled, a new password):
-- a session that logged in before it is refused even if its row is back in the
-- session store, as when a request in flight at that moment saves it on the way
-- out, so re-enabling the person revives none of them.
ALTER TABLE users ADD COLUMN sessions_ended_at TEXT;
