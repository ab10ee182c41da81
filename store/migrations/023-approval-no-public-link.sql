-- An approval's choice to send no link to the public notice page (issue 14): the senders then take
-- the version's link-free variants (notices audience '<audience>_no_link'), rendered and approved
-- beside the others. Written with the approval request under its update id, removed when the
-- workflow refuses it; the latest request for a version wins (the workflow accepts one).
CREATE TABLE notice_approval_options (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  no_public_link INTEGER NOT NULL,
  update_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version)
);
