-- Letters (issue 14: US "written notice", HIPAA first-class mail). A person's postal address, one text with
-- lines separated by newlines, given by the CSV's optional postalAddress column.
ALTER TABLE subjects ADD COLUMN postal_address TEXT;

-- A batch of up to 5,000 letters for a print-and-mail house: one PDF (the letters one after another) and a
-- manifest CSV in the data directory. Each letter is an outbox row of channel 'letter', claimed by the batch
-- (claimed_by 'letter-batch:<id>', provider_id the batch id); when an operator records the mailing date the
-- batch's rows become sent on that date, which is when those people's written notice is met.
CREATE TABLE letter_batches (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  seq INTEGER NOT NULL,
  paper TEXT NOT NULL,
  letters INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  pdf_file TEXT NOT NULL,
  manifest_file TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  mailed_on TEXT,
  mailed_recorded_at TEXT,
  mailed_by TEXT,
  UNIQUE (incident_id, seq)
);
