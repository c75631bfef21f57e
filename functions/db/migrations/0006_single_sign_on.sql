-- Employees who sign in with the company's identity provider: one staff record per issuer and
-- subject (the provider's stable id), e-mail and name refreshed at each sign-in. They have no
-- password here (an empty hash matches no password).
ALTER TABLE staff_users ADD COLUMN issuer TEXT;
ALTER TABLE staff_users ADD COLUMN subject TEXT;
ALTER TABLE staff_users ADD COLUMN name TEXT;
CREATE UNIQUE INDEX staff_users_identity ON staff_users (issuer, subject) WHERE issuer IS NOT NULL;

-- A sign-in begun at the provider and not finished yet: what the callback must check (state,
-- nonce, the PKCE verifier) and where to return. Used once, then deleted; old ones by housekeeping.
CREATE TABLE sso_attempts (
  state_hash TEXT PRIMARY KEY,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Which provider session a help-center session came from, for back-channel logout.
ALTER TABLE sessions ADD COLUMN provider_session TEXT;
