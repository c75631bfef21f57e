-- Who triaged a comment, and when (the status itself is on the row since 0001).
ALTER TABLE feedback ADD COLUMN status_by TEXT;
ALTER TABLE feedback ADD COLUMN status_at INTEGER;
CREATE INDEX feedback_status_created ON feedback (status, created_at);
