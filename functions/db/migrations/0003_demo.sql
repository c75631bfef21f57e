-- The live demo: one sandbox per visitor, with fictional users and real temporary codes.
CREATE TABLE demo_sandboxes (
  id              TEXT PRIMARY KEY,              -- random, unguessable; the visitor's cookie
  client_hash     TEXT NOT NULL,                 -- keyed hash of the visitor's address
  created_at      INTEGER NOT NULL,              -- epoch milliseconds, UTC
  expires_at      INTEGER NOT NULL,              -- 48 hours after creation
  clock_offset_ms INTEGER NOT NULL DEFAULT 0     -- "advance the clock": added to the real time
);
CREATE INDEX demo_sandboxes_expires ON demo_sandboxes (expires_at);

CREATE TABLE demo_users (
  sandbox_id    TEXT NOT NULL REFERENCES demo_sandboxes (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('client', 'staff')),
  name          TEXT NOT NULL,
  username      TEXT NOT NULL,
  device_paired INTEGER NOT NULL DEFAULT 1 CHECK (device_paired IN (0, 1)),
  PRIMARY KEY (sandbox_id, id)
) WITHOUT ROWID;

-- Temporary login codes: only a keyed hash of the code is stored.
CREATE TABLE demo_codes (
  id              INTEGER PRIMARY KEY,
  sandbox_id      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  code_hash       TEXT NOT NULL,
  issued_at       INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  one_time        INTEGER NOT NULL CHECK (one_time IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('active', 'replaced', 'revoked', 'used', 'locked', 'expired')),
  used_at         INTEGER,
  FOREIGN KEY (sandbox_id, user_id) REFERENCES demo_users (sandbox_id, id) ON DELETE CASCADE
);
CREATE INDEX demo_codes_user ON demo_codes (sandbox_id, user_id, id);

CREATE TABLE demo_audit (
  id         INTEGER PRIMARY KEY,
  sandbox_id TEXT NOT NULL REFERENCES demo_sandboxes (id) ON DELETE CASCADE,
  user_id    TEXT,
  event      TEXT NOT NULL CHECK (event IN ('issued', 'used', 'failed', 'locked', 'revoked', 'expired', 'replaced', 'refused')),
  at         INTEGER NOT NULL,
  detail     TEXT
);
CREATE INDEX demo_audit_sandbox ON demo_audit (sandbox_id, id);
