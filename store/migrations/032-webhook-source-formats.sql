-- Sources made on the Settings page can speak a tool's format and prove themselves its way (a bearer
-- token, basic auth, Sentry's signature), like those in BREACHLINE_ALERT_SOURCES. Existing rows keep
-- what they were: our HMAC with the generic or PagerDuty payload.
ALTER TABLE webhook_sources ADD COLUMN format TEXT NOT NULL DEFAULT 'generic';
ALTER TABLE webhook_sources ADD COLUMN auth_type TEXT NOT NULL DEFAULT 'hmac';
ALTER TABLE webhook_sources ADD COLUMN username TEXT;
ALTER TABLE webhook_sources ADD COLUMN group_by TEXT;
