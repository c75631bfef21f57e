-- The overview reads feedback_daily now (0009): its covering index over every row only cost writes.
DROP INDEX feedback_overview;
DROP INDEX feedback_status_created;

-- The comment list pages newest first by (created_at, id) from a cursor (keyset, never OFFSET),
-- across all statuses, within a status or within a topic; only real comments are in these
-- indexes, so counting a filter's total reads the index alone.
CREATE INDEX feedback_comments ON feedback (created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
CREATE INDEX feedback_comments_by_status ON feedback (status, created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
CREATE INDEX feedback_comments_by_topic ON feedback (topic, created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
-- Rating and reason pick few comments out of many: their own indexes find them without reading the rest.
CREATE INDEX feedback_comments_by_rating ON feedback (rating, created_at, id) WHERE comment IS NOT NULL AND is_spam = 0;
CREATE INDEX feedback_comments_by_reason ON feedback (reason, created_at, id)
  WHERE comment IS NOT NULL AND is_spam = 0 AND reason IS NOT NULL;
