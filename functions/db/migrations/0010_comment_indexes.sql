-- The overview reads feedback_daily now (0009): its covering index over every row only cost writes.
DROP INDEX feedback_overview;
DROP INDEX feedback_status_created;

-- The comment list pages newest first by (created_at, id) from a cursor (keyset, never OFFSET),
-- within a status or a topic; only real comments are in these indexes.
CREATE INDEX feedback_comments_by_status ON feedback (status, created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
CREATE INDEX feedback_comments_by_topic ON feedback (topic, created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
