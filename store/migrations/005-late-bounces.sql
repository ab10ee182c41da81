-- A subject notice reported bounced or failed after it was sent owes a fallback
-- (SMS, or a place in the substitute notice). The request is written in the same
-- transaction as the report, so it survives Temporal being down. `generation`
-- counts reports; `signalled_through` is the generation the last successful
-- signal covered, so a report that lands while a signal is in flight stays owed.
CREATE TABLE late_bounce_requests (
  incident_id TEXT NOT NULL,
  notice_version TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 1,
  signalled_through INTEGER NOT NULL DEFAULT 0,
  requested_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version)
);
