-- Back-channel logout tokens already acted on, by `jti`, kept until the token could no longer be
-- accepted anyway: a replayed token is refused and ends nothing. `claim` is random per request,
-- so of two simultaneous deliveries only the one whose row went in acts on it.
CREATE TABLE logout_tokens (
  jti        TEXT PRIMARY KEY,
  claim      TEXT NOT NULL,
  expires_at INTEGER NOT NULL                       -- epoch milliseconds, UTC
) WITHOUT ROWID;

-- When each counter's window ends, so housekeeping prunes a counter only after its own window
-- (a configured window may be longer than a day). Rows from before have none: a day is kept.
ALTER TABLE rate_limits ADD COLUMN window_end INTEGER;
CREATE INDEX rate_limits_window_end ON rate_limits (window_end);

-- Housekeeping removes sign-ins begun at the provider and never finished. Each start is counted
-- against its client's limit; the counter it took from is kept, so that a sign-in that finishes
-- gives its hit back (only abandoned or failed starts use the limit up).
CREATE INDEX sso_attempts_created ON sso_attempts (created_at);
ALTER TABLE sso_attempts ADD COLUMN limit_bucket TEXT;
ALTER TABLE sso_attempts ADD COLUMN limit_window INTEGER;
