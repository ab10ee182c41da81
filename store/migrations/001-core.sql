CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  occurred_at TEXT,
  detection_method TEXT NOT NULL,
  data_categories TEXT NOT NULL DEFAULT '[]',
  reporter TEXT,
  source TEXT,
  linked_incident_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT 'triage',
  status TEXT NOT NULL DEFAULT 'open',
  role TEXT,
  awareness_at TEXT,
  alert_count INTEGER NOT NULL DEFAULT 0,
  state_version INTEGER NOT NULL DEFAULT 0,
  state_json TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_status ON incidents(status, created_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX notes_incident ON notes(incident_id);

CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  facts_json TEXT NOT NULL,
  narrative_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX assessments_incident ON assessments(incident_id, created_at);

CREATE TABLE controllers (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  locale TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX controllers_incident ON controllers(incident_id);

CREATE TABLE subject_imports (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  imported INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  rejected_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  name TEXT,
  email TEXT,
  phone TEXT,
  jurisdiction TEXT,
  locale TEXT NOT NULL,
  import_id TEXT NOT NULL,
  identity_key TEXT NOT NULL,
  UNIQUE (incident_id, identity_key)
);

CREATE TABLE holds (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  source TEXT NOT NULL,
  agency TEXT,
  case_reference TEXT,
  form TEXT NOT NULL,
  reason TEXT NOT NULL,
  review_every_days INTEGER NOT NULL,
  placed_at TEXT NOT NULL,
  placed_by TEXT NOT NULL,
  released_at TEXT,
  release_reason TEXT
);

CREATE TABLE obligations (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  id TEXT NOT NULL,
  regime TEXT NOT NULL,
  audience TEXT NOT NULL,
  recipient TEXT NOT NULL,
  required INTEGER NOT NULL,
  due_at TEXT,
  deadline TEXT NOT NULL,
  basis TEXT NOT NULL,
  why TEXT NOT NULL,
  content_json TEXT NOT NULL,
  hold_may_delay INTEGER NOT NULL,
  status TEXT NOT NULL,
  superseded_reason TEXT,
  fulfilled_at TEXT,
  filing_reference TEXT,
  state_version INTEGER NOT NULL,
  PRIMARY KEY (incident_id, id)
);

CREATE TABLE notices (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  audience TEXT NOT NULL,
  locale TEXT NOT NULL,
  channel TEXT NOT NULL,
  subject TEXT,
  html TEXT,
  text TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version, audience, locale, channel)
);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  kind TEXT NOT NULL,
  recipient_ref TEXT NOT NULL,
  channel TEXT NOT NULL,
  locale TEXT NOT NULL,
  notice_version TEXT NOT NULL,
  template TEXT NOT NULL,
  status TEXT NOT NULL,
  provider TEXT,
  provider_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  claimed_at TEXT,
  sent_at TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (incident_id, kind, recipient_ref, channel, notice_version)
);
CREATE INDEX outbox_status ON outbox(incident_id, status);

CREATE TABLE dev_mailbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT,
  html TEXT,
  text TEXT NOT NULL,
  custom_args_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);

CREATE TABLE filings (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  obligation_id TEXT NOT NULL,
  reference TEXT NOT NULL,
  delay_reason TEXT,
  late INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  action TEXT NOT NULL,
  incident_id TEXT REFERENCES incidents(id),
  summary TEXT NOT NULL,
  severity TEXT NOT NULL,
  body_json TEXT NOT NULL,
  received_at TEXT NOT NULL,
  signalled_at TEXT
);
CREATE INDEX alerts_incident ON alerts(incident_id);

CREATE TABLE alert_dedup (
  source TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  opened_at TEXT NOT NULL,
  PRIMARY KEY (source, dedup_key)
);
CREATE TABLE alert_dedup_history (
  source TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  incident_id TEXT NOT NULL,
  closed_at TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
  signature TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_json TEXT NOT NULL
);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  event_key TEXT UNIQUE,
  at TEXT NOT NULL,
  incident_id TEXT,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_incident ON audit_log(incident_id, seq);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE public_notices (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  locale TEXT NOT NULL,
  notice_version TEXT NOT NULL,
  html TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, locale)
);

CREATE TABLE reports (
  incident_id TEXT PRIMARY KEY REFERENCES incidents(id),
  html TEXT NOT NULL,
  audit_head_seq INTEGER,
  audit_head_hash TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE idempotency (
  key TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  body_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
