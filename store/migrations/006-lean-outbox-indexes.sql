-- Every index an outbox row's status change touches costs a write per person at a
-- million people. Status moves (pending, claimed, sent) no longer touch any index:
-- the uncertain index holds only uncertain rows, the send-rate index only sent ones,
-- and the (incident, status) index goes; the progress counts find an incident's rows
-- through the unique key, which leads with the incident.
DROP INDEX IF EXISTS outbox_status;
DROP INDEX IF EXISTS outbox_uncertain;
CREATE INDEX outbox_uncertain ON outbox(incident_id, notice_version, uncertain_at) WHERE status = 'uncertain';
DROP INDEX IF EXISTS outbox_sent_at;
CREATE INDEX outbox_sent_at ON outbox(incident_id, sent_at) WHERE sent_at IS NOT NULL;
