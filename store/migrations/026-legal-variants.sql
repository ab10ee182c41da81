-- Issue 14: each person's notice follows the law of where they live. A notice set holds, besides the
-- default notice of each locale, one data-subject email per legal variant (a US state whose law prescribes
-- the notice's content or forbids some of it, named by its regime id, e.g. 'us-ca'). The variant joins the
-- key, so the table is rebuilt; existing rows are the default variant.
CREATE TABLE notices_v26 (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  audience TEXT NOT NULL,
  locale TEXT NOT NULL,
  channel TEXT NOT NULL,
  variant TEXT NOT NULL DEFAULT 'default',
  subject TEXT,
  html TEXT,
  text TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version, audience, locale, channel, variant)
);
INSERT INTO notices_v26 (incident_id, notice_version, audience, locale, channel, variant, subject, html, text, recipients, created_at)
  SELECT incident_id, notice_version, audience, locale, channel, 'default', subject, html, text, recipients, created_at FROM notices;
DROP TABLE notices;
ALTER TABLE notices_v26 RENAME TO notices;

-- Cal. Civ. Code 1798.82(d)(2)(G): where Social Security, driver's licence or ID numbers were exposed and the
-- business was the source, the notice offers identity theft prevention and mitigation services. The assessor
-- records that the offer is made; the notice states it only then.
ALTER TABLE assessments ADD COLUMN identity_protection_offered INTEGER NOT NULL DEFAULT 0;
