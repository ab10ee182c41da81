-- An import is recorded when its people start moving into subjects, not after:
-- a process that stops during that step leaves a record with no finished_at, so
-- the incident page can say an import did not finish and how to complete it.
-- progress_at moves with each merged key range; an unfinished record whose
-- progress_at is old belongs to a process that stopped. source_sha256 is the
-- digest of the file (or JSON body): a later import of the same source that
-- finishes completes the records of earlier ones that stopped (completed_by).
ALTER TABLE subject_imports ADD COLUMN finished_at TEXT;
ALTER TABLE subject_imports ADD COLUMN source_sha256 TEXT;
ALTER TABLE subject_imports ADD COLUMN completed_by TEXT;
ALTER TABLE subject_imports ADD COLUMN progress_at TEXT;
UPDATE subject_imports SET finished_at = created_at, progress_at = created_at;
CREATE INDEX subject_imports_unfinished ON subject_imports(incident_id) WHERE finished_at IS NULL;
