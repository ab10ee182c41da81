-- The intake backlog's depth, kept by triggers in the same transaction as the row that changes it,
-- so the webhook's backpressure check reads one row instead of counting a storm's worth of index
-- entries on every request. Exact across crashes: it commits or rolls back with the alert row.
CREATE TABLE intake_backlog (id INTEGER PRIMARY KEY CHECK (id = 1), depth INTEGER NOT NULL);
INSERT INTO intake_backlog (id, depth) SELECT 1, COUNT(*) FROM alerts WHERE signalled_at IS NULL AND incident_id IS NOT NULL;
CREATE TRIGGER intake_backlog_insert AFTER INSERT ON alerts WHEN NEW.incident_id IS NOT NULL AND NEW.signalled_at IS NULL BEGIN UPDATE intake_backlog SET depth = depth + 1 WHERE id = 1; END;
CREATE TRIGGER intake_backlog_update AFTER UPDATE OF signalled_at, incident_id ON alerts BEGIN UPDATE intake_backlog SET depth = depth + (NEW.incident_id IS NOT NULL AND NEW.signalled_at IS NULL) - (OLD.incident_id IS NOT NULL AND OLD.signalled_at IS NULL) WHERE id = 1; END;
CREATE TRIGGER intake_backlog_delete AFTER DELETE ON alerts WHEN OLD.incident_id IS NOT NULL AND OLD.signalled_at IS NULL BEGIN UPDATE intake_backlog SET depth = depth - 1 WHERE id = 1; END;
-- The replay window's pruning runs with every alert answered; without an index it read the whole table each time.
CREATE INDEX webhook_deliveries_received ON webhook_deliveries(received_at);
