-- Employees who may sign in and see the internal build.
CREATE TABLE staff_users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,                    -- scrypt$N$r$p$salt$hash, never the password
  created_at    INTEGER NOT NULL,                 -- epoch milliseconds, UTC
  disabled_at   INTEGER                           -- set: the account and its sessions stop working
);

-- Server-side sessions: the cookie holds a random token, this table only its SHA-256.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
