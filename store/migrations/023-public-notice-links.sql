-- An approval's choice to send no link to the public notice page (issue 14): the senders then take
-- the version's link-free variants (notices audience '<audience>_no_link'), rendered and approved
-- beside the others. Written with the approval request under its update id, removed when the
-- workflow refuses it; the latest request for a version wins (the workflow accepts one).
CREATE TABLE notice_approval_options (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  no_public_link INTEGER NOT NULL,
  update_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version)
);

-- Every version's public notice page per locale, kept at its own address once published
-- (/public/notices/<id>/versions/<version>); public_notices holds the page at the main address,
-- which a newer version replaces. The pages published so far are the first rows.
CREATE TABLE public_notice_versions (
  incident_id TEXT NOT NULL REFERENCES incidents(id),
  notice_version TEXT NOT NULL,
  locale TEXT NOT NULL,
  html TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, notice_version, locale)
);
INSERT INTO public_notice_versions (incident_id, notice_version, locale, html, published_at)
  SELECT incident_id, notice_version, locale, html, published_at FROM public_notices;
