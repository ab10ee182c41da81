-- The headline people and regulators read (issue 14): separate from the internal title, which
-- never leaves the app. Null until an assessment gives one; approval refuses a version without it.
ALTER TABLE assessments ADD COLUMN public_headline TEXT;
