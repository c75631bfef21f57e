-- All-time views per topic and build, kept beside the daily rows by triggers, as feedback's
-- daily counts are: "all time" then reads a row per topic, not one per topic and day.
CREATE TABLE topic_view_totals (
  topic TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (topic, audience)
) WITHOUT ROWID;

INSERT INTO topic_view_totals (topic, audience, views)
  SELECT topic, audience, sum(views) FROM topic_views GROUP BY topic, audience;

CREATE TRIGGER topic_view_totals_insert AFTER INSERT ON topic_views BEGIN
  INSERT INTO topic_view_totals (topic, audience, views) VALUES (NEW.topic, NEW.audience, NEW.views)
    ON CONFLICT (topic, audience) DO UPDATE SET views = views + NEW.views;
END;

CREATE TRIGGER topic_view_totals_update AFTER UPDATE OF views ON topic_views BEGIN
  UPDATE topic_view_totals SET views = views + NEW.views - OLD.views
    WHERE topic = NEW.topic AND audience = NEW.audience;
END;

-- A period's views read from the day index alone: it carries the topic and the count too.
DROP INDEX topic_views_by_day;
CREATE INDEX topic_views_by_day ON topic_views (day, topic, views);
