-- Reader feedback on a topic, or on the help center as a whole (topic IS NULL).
CREATE TABLE feedback (
  id              TEXT PRIMARY KEY,               -- random, unguessable
  topic           TEXT,                           -- topic id from the build manifest; NULL = the whole site
  rating          TEXT CHECK (rating IN ('excellent', 'good', 'average', 'poor')),
  found           TEXT CHECK (found IN ('yes', 'no')),
  name            TEXT,
  comment         TEXT,
  is_employee     INTEGER NOT NULL DEFAULT 0 CHECK (is_employee IN (0, 1)),
  is_spam         INTEGER NOT NULL DEFAULT 0 CHECK (is_spam IN (0, 1)),  -- honeypot hits: never shown as feedback
  client_hash     TEXT NOT NULL,                  -- keyed hash of the client address, never the address
  edit_token_hash TEXT,                           -- lets the browser that sent it change its answer
  status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'archived', 'spam')),
  created_at      INTEGER NOT NULL,               -- epoch milliseconds, UTC
  updated_at      INTEGER NOT NULL,
  CHECK (rating IS NOT NULL OR found IS NOT NULL OR comment IS NOT NULL)
);
CREATE INDEX feedback_topic_created ON feedback (topic, created_at);
CREATE INDEX feedback_created ON feedback (created_at);

-- Fixed-window counters per client and purpose, kept in the database so limits hold across processes.
CREATE TABLE rate_limits (
  bucket       TEXT NOT NULL,                     -- e.g. 'feedback:' || client hash
  window_start INTEGER NOT NULL,                  -- epoch milliseconds
  hits         INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
) WITHOUT ROWID;
