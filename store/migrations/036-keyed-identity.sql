-- The import's identity key (duplicate detection) becomes a keyed HMAC under the incident's data key,
-- so it cannot be reversed by hashing a list of addresses. Only for incidents whose key was made before
-- their first person was stored: an incident with people from before keeps the unkeyed form, so a
-- re-import still finds its duplicates.
ALTER TABLE incident_keys ADD COLUMN identity_keyed INTEGER NOT NULL DEFAULT 0;
