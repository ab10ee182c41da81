-- Issue 11: detection_method becomes a code from a fixed list (workflows/types.ts, DETECTION_METHODS)
-- because it travels in the incident workflow's input; the words a person or an alert gave for how the
-- breach was found can name people and stay here, as detection_note. Rows from before keep their
-- words in the note: alerts ("alert:<source>") become `alert`, any other text `other`.
ALTER TABLE incidents ADD COLUMN detection_note TEXT;
UPDATE incidents SET detection_note = substr(detection_method, 7), detection_method = 'alert'
  WHERE detection_method LIKE 'alert:%';
UPDATE incidents SET detection_note = detection_method, detection_method = 'other'
  WHERE detection_method NOT IN ('alert', 'customer_report', 'employee_report', 'audit', 'third_party',
                                 'law_enforcement', 'researcher', 'other');
