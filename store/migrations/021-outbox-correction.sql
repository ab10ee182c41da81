-- A data-subject row sent as a correction: the person had been told by another version of the
-- notice, the approver chose to send them this one as a correction, and they were sent its
-- correction variant (notices audience 'individuals_correction'). Set when the row is claimed.
ALTER TABLE outbox ADD COLUMN is_correction INTEGER NOT NULL DEFAULT 0;
