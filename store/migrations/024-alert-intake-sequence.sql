-- The alert intake buffer: each alert row of an incident gets its place in that incident's
-- sequence, the forwarder delivers rows with no signalled_at in that order, and the workflow
-- keeps the highest place it applied. Rows already waiting when this runs are numbered in the
-- order they arrived; those already signalled one by one keep their signalled_at.
ALTER TABLE alerts ADD COLUMN seq INTEGER;
UPDATE alerts SET seq = (
  SELECT COUNT(*) FROM alerts b
  WHERE b.incident_id = alerts.incident_id
    AND (b.received_at < alerts.received_at OR (b.received_at = alerts.received_at AND b.id <= alerts.id))
) WHERE incident_id IS NOT NULL;
CREATE UNIQUE INDEX alerts_incident_seq ON alerts(incident_id, seq);
-- The backlog as the forwarder reads it: per incident from its lowest waiting seq, and which incidents
-- waited longest. Only waiting rows are in it, so it stays as small as the backlog.
CREATE INDEX alerts_undelivered ON alerts(incident_id, seq, received_at) WHERE signalled_at IS NULL AND incident_id IS NOT NULL;
