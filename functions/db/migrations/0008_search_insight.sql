-- What readers searched for (search page and header suggestions): the normalised words, the build
-- they searched, how many topics matched and which result they opened next. No address, cookie or
-- user id. Deleted by housekeeping after the retention age; search_daily keeps the counts.
CREATE TABLE searches (
  id         INTEGER PRIMARY KEY,
  query      TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 100),
  audience   TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
  results    INTEGER NOT NULL CHECK (results >= 0),
  opened     TEXT,                                  -- the path of the result opened next, if any
  created_at INTEGER NOT NULL                       -- epoch milliseconds, UTC
);
CREATE INDEX searches_created ON searches (created_at);

-- Searches per day, build and query: what the dashboard reads, whatever the years behind it.
-- Kept by the trigger below in the same transaction as each search; deleting old searches
-- (retention) leaves it alone.
CREATE TABLE search_daily (
  day        INTEGER NOT NULL,                      -- days since 1970-01-01, UTC
  audience   TEXT NOT NULL,
  query      TEXT NOT NULL,
  searches   INTEGER NOT NULL,
  no_results INTEGER NOT NULL,
  opened     INTEGER NOT NULL,
  PRIMARY KEY (day, audience, query)
) WITHOUT ROWID;
CREATE INDEX search_daily_query ON search_daily (audience, query, day);

CREATE TRIGGER search_daily_count AFTER INSERT ON searches
BEGIN
  INSERT INTO search_daily (day, audience, query, searches, no_results, opened)
  VALUES (NEW.created_at / 86400000, NEW.audience, NEW.query, 1, NEW.results = 0, NEW.opened IS NOT NULL)
  ON CONFLICT (day, audience, query) DO UPDATE SET
    searches = searches + 1,
    no_results = no_results + excluded.no_results,
    opened = opened + excluded.opened;
END;
