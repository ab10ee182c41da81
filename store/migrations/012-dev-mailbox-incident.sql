-- Which incident (and outbox row) each dev mailbox message belongs to, so the
-- mailbox can follow the incident's restriction. Older rows are backfilled from
-- the correlation ids the providers were given, or, for messages sent one at a
-- time (SMS), from the outbox row whose provider id is the mailbox row's id.
ALTER TABLE dev_mailbox ADD COLUMN incident_id TEXT;
ALTER TABLE dev_mailbox ADD COLUMN outbox_id TEXT;
UPDATE dev_mailbox
SET outbox_id = json_extract(custom_args_json, '$.outboxId'),
    incident_id = json_extract(custom_args_json, '$.incidentId')
WHERE json_valid(custom_args_json);
UPDATE dev_mailbox
SET outbox_id = o.id
FROM outbox o
WHERE dev_mailbox.outbox_id IS NULL AND o.provider = 'outbox' AND o.provider_id = dev_mailbox.id;
UPDATE dev_mailbox
SET incident_id = (SELECT o.incident_id FROM outbox o WHERE o.id = dev_mailbox.outbox_id)
WHERE incident_id IS NULL AND outbox_id IS NOT NULL;
CREATE INDEX dev_mailbox_incident ON dev_mailbox(incident_id, created_at);
