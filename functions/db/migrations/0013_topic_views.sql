-- Topic views, counted per day and build and nothing else: no address, cookie or identifier is
-- stored, so there are no raw rows to keep or delete. Writers read answers against views.
CREATE TABLE topic_views (
  topic TEXT NOT NULL,
  day INTEGER NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (topic, day, audience)
) WITHOUT ROWID;

-- The overview sums every topic's views since a day: read by day, not topic by topic.
CREATE INDEX topic_views_by_day ON topic_views (day);
