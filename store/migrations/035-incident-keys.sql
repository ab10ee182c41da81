-- People's names, emails, phones and postal addresses are sealed in SQLite with a key per incident
-- (AES-256-GCM), itself sealed by the installation's master key. Destroying an incident's key is
-- what makes its contact data unreadable for good, whatever copy of the file survives.
CREATE TABLE incident_keys (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
  key_sealed TEXT NOT NULL,
  created_at TEXT NOT NULL
);
