-- When each API token last authenticated a request (to the minute), so an admin
-- can tell a token in use from one that can be revoked without breaking anything.
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
