-- Messages to the writers' webhook (a Poor or No answer with a comment; the daily digest), kept
-- until delivered so that a receiver that is down, or a server that restarts, loses none. An
-- answer's message holds only the answer's id: its words are read when it is sent, so an answer
-- deleted before then is never sent. The digest holds its figures, as they were that day.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('answer', 'digest')),
  feedback_id TEXT,
  payload TEXT,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  delivered_at INTEGER,
  given_up_at INTEGER,
  last_error TEXT,
  CHECK ((kind = 'answer') = (feedback_id IS NOT NULL))
);

-- What is due: only messages still to send, in the order they fall due.
CREATE INDEX notifications_due ON notifications (next_attempt_at)
  WHERE delivered_at IS NULL AND given_up_at IS NULL;
