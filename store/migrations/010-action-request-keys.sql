-- An Idempotency-Key on a human step belongs to one incident, one action and
-- one request body. The body's hash is kept with the key, so the same key sent
-- with another body is refused instead of answered with the first request's
-- outcome. Existing rows elsewhere are untouched: notes keep their ids.
CREATE TABLE action_requests (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  action TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, action, idempotency_key)
);
