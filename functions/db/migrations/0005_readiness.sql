-- One row the readiness check rewrites: proof that the database takes a write right now.
CREATE TABLE readiness (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at INTEGER NOT NULL
);
