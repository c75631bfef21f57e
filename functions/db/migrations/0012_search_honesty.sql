-- Honest search insight: a search whose topics had only some of its words found nothing (results
-- is 0) but showed those topics (partial); a search whose words were corrected keeps what the
-- reader typed (query) and what the results shown were for (corrected).
ALTER TABLE searches ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));
ALTER TABLE searches ADD COLUMN corrected TEXT CHECK (corrected IS NULL OR length(corrected) BETWEEN 1 AND 100);

ALTER TABLE search_daily ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
-- The latest correction shown for the query that day, if any.
ALTER TABLE search_daily ADD COLUMN corrected TEXT;

DROP TRIGGER search_daily_count;
CREATE TRIGGER search_daily_count AFTER INSERT ON searches
BEGIN
  INSERT INTO search_daily (day, audience, query, searches, no_results, opened, partial, corrected)
  VALUES (NEW.created_at / 86400000, NEW.audience, NEW.query, 1, NEW.results = 0, NEW.opened IS NOT NULL,
          NEW.partial, NEW.corrected)
  ON CONFLICT (day, audience, query) DO UPDATE SET
    searches = searches + 1,
    no_results = no_results + excluded.no_results,
    opened = opened + excluded.opened,
    partial = partial + excluded.partial,
    corrected = coalesce(excluded.corrected, corrected);
END;
