-- The send rate of the last minute, for the progress ETA, without scanning every row.
CREATE INDEX outbox_sent_at ON outbox(incident_id, sent_at);
