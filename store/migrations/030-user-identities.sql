-- People who log in through single sign-on, linked by their identity provider's
-- issuer and subject: the pair the provider promises never to reuse or change.
-- An email is never the link (a provider may let someone pick or change it), so
-- nobody takes over an account by having the same address.
CREATE TABLE user_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  last_login_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
);

CREATE INDEX user_identities_by_user ON user_identities (user_id);

-- An admin's consent, for a limited time, that the next single sign-on carrying
-- this account's email (verified by the provider) links to the account instead
-- of being refused: how a person with a password account moves to single sign-on.
CREATE TABLE sso_link_approvals (
  user_id TEXT PRIMARY KEY REFERENCES users (id),
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
