-- Contact data is kept for a set time after an incident closes, then deleted, while the proof of notice
-- stays: each outbox row keeps its channel, times, provider id and status, and gains a keyed HMAC of the
-- address it went to, so "was this address told, and when?" can still be answered from the address.
-- A legal hold on the incident (litigation, a regulator's inquiry, HIPAA's six years of proof) blocks it.
ALTER TABLE outbox ADD COLUMN address_hmac TEXT;
ALTER TABLE subjects ADD COLUMN purged_at TEXT;
CREATE TABLE legal_holds (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  reason TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  placed_by TEXT NOT NULL,
  released_at TEXT,
  released_by TEXT
);
CREATE UNIQUE INDEX legal_holds_active ON legal_holds(incident_id) WHERE released_at IS NULL;
CREATE TABLE contact_purges (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
  purged_at TEXT NOT NULL,
  purged_by TEXT NOT NULL,
  people INTEGER NOT NULL,
  proof_rows INTEGER NOT NULL,
  mailbox_messages INTEGER NOT NULL,
  rejected_rows INTEGER NOT NULL
);
