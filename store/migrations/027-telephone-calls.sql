-- Issue 14: notice by telephone call. What kind of line a person's number is ('mobile', 'landline', or
-- NULL when the import did not say), and whether they agreed to be called on a mobile (1 yes, 0 no,
-- NULL not recorded): calls to mobiles are placed only with consent (README, "Telephone calls").
ALTER TABLE subjects ADD COLUMN phone_type TEXT;
ALTER TABLE subjects ADD COLUMN call_consent INTEGER;
-- A call's outcome from Twilio's status callback: 'human' (the person answered: reached), 'machine'
-- (a message was left: not reached), or Twilio's CallStatus when nobody answered ('no-answer', 'busy',
-- 'failed', 'canceled'). NULL until a callback arrives, and on every row that is not a call.
ALTER TABLE outbox ADD COLUMN call_outcome TEXT;
