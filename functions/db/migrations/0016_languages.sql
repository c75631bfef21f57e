-- Languages (issue 25): each answer, search and topic view records the language of the page it
-- came from, and the dashboard's rollups count per language. Before this migration every page
-- was in English, the default language, so every existing row is 'en'.
ALTER TABLE feedback ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE searches ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';

-- Comments of one language, newest first, as by topic, rating or reason. The status rides along:
-- a language's New comments (the default filter) are counted from the index alone too.
CREATE INDEX feedback_comments_by_lang ON feedback (lang, created_at, id, status)
  WHERE comment IS NOT NULL AND is_spam = 0;

-- Feedback's rollups (0009) gain the language. Their triggers go first: they name the old tables.
DROP TRIGGER feedback_daily_insert;
DROP TRIGGER feedback_daily_update_old;
DROP TRIGGER feedback_daily_update_new;

ALTER TABLE feedback_daily RENAME TO feedback_daily_before_languages;
CREATE TABLE feedback_daily (
  topic TEXT NOT NULL,                              -- '_help-center' for the site as a whole
  lang TEXT NOT NULL,                               -- the language of the page answered on
  day INTEGER NOT NULL,                             -- days since 1970-01-01, UTC, of created_at
  responses INTEGER NOT NULL,
  excellent INTEGER NOT NULL,
  good INTEGER NOT NULL,
  average INTEGER NOT NULL,
  poor INTEGER NOT NULL,
  found_yes INTEGER NOT NULL,
  found_no INTEGER NOT NULL,
  reason_missing_information INTEGER NOT NULL,
  reason_steps_did_not_work INTEGER NOT NULL,
  reason_hard_to_understand INTEGER NOT NULL,
  reason_out_of_date INTEGER NOT NULL,
  reason_something_else INTEGER NOT NULL,
  -- A topic's days in one language are one range of the key: the overview walks feedback_totals'
  -- (topic, language) pairs in order and reads each pair's days in the period, whatever the
  -- years behind them; one language's figures read only its own pairs.
  PRIMARY KEY (topic, lang, day)
) WITHOUT ROWID;
INSERT INTO feedback_daily (topic, lang, day, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  SELECT topic, 'en', day, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else FROM feedback_daily_before_languages;
DROP TABLE feedback_daily_before_languages;

ALTER TABLE feedback_totals RENAME TO feedback_totals_before_languages;
CREATE TABLE feedback_totals (
  topic TEXT NOT NULL,
  lang TEXT NOT NULL,
  responses INTEGER NOT NULL,
  excellent INTEGER NOT NULL,
  good INTEGER NOT NULL,
  average INTEGER NOT NULL,
  poor INTEGER NOT NULL,
  found_yes INTEGER NOT NULL,
  found_no INTEGER NOT NULL,
  reason_missing_information INTEGER NOT NULL,
  reason_steps_did_not_work INTEGER NOT NULL,
  reason_hard_to_understand INTEGER NOT NULL,
  reason_out_of_date INTEGER NOT NULL,
  reason_something_else INTEGER NOT NULL,
  PRIMARY KEY (topic, lang)
) WITHOUT ROWID;
INSERT INTO feedback_totals (topic, lang, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  SELECT topic, 'en', responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else FROM feedback_totals_before_languages;
DROP TABLE feedback_totals_before_languages;

-- One change to the counts: an answer that starts counting (sign +1) or stops (sign -1). The
-- triggers on feedback below say when; this one says how, for the day's row and the all-time one.
CREATE VIEW feedback_count_changes (day, topic, lang, sign, rating, found, reason) AS
  SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER feedback_count_change INSTEAD OF INSERT ON feedback_count_changes
BEGIN
  INSERT INTO feedback_daily (topic, lang, day, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
      NEW.topic, NEW.lang, NEW.day,
      NEW.sign,
      NEW.sign * (NEW.rating IS 'excellent'),
      NEW.sign * (NEW.rating IS 'good'),
      NEW.sign * (NEW.rating IS 'average'),
      NEW.sign * (NEW.rating IS 'poor'),
      NEW.sign * (NEW.found IS 'yes'),
      NEW.sign * (NEW.found IS 'no'),
      NEW.sign * (NEW.reason IS 'missing-information'),
      NEW.sign * (NEW.reason IS 'steps-did-not-work'),
      NEW.sign * (NEW.reason IS 'hard-to-understand'),
      NEW.sign * (NEW.reason IS 'out-of-date'),
      NEW.sign * (NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic, lang, day) DO UPDATE SET
    responses = responses + excluded.responses,
    excellent = excellent + excluded.excellent,
    good = good + excluded.good,
    average = average + excluded.average,
    poor = poor + excluded.poor,
    found_yes = found_yes + excluded.found_yes,
    found_no = found_no + excluded.found_no,
    reason_missing_information = reason_missing_information + excluded.reason_missing_information,
    reason_steps_did_not_work = reason_steps_did_not_work + excluded.reason_steps_did_not_work,
    reason_hard_to_understand = reason_hard_to_understand + excluded.reason_hard_to_understand,
    reason_out_of_date = reason_out_of_date + excluded.reason_out_of_date,
    reason_something_else = reason_something_else + excluded.reason_something_else;
  INSERT INTO feedback_totals (topic, lang, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
      NEW.topic, NEW.lang,
      NEW.sign,
      NEW.sign * (NEW.rating IS 'excellent'),
      NEW.sign * (NEW.rating IS 'good'),
      NEW.sign * (NEW.rating IS 'average'),
      NEW.sign * (NEW.rating IS 'poor'),
      NEW.sign * (NEW.found IS 'yes'),
      NEW.sign * (NEW.found IS 'no'),
      NEW.sign * (NEW.reason IS 'missing-information'),
      NEW.sign * (NEW.reason IS 'steps-did-not-work'),
      NEW.sign * (NEW.reason IS 'hard-to-understand'),
      NEW.sign * (NEW.reason IS 'out-of-date'),
      NEW.sign * (NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic, lang) DO UPDATE SET
    responses = responses + excluded.responses,
    excellent = excellent + excluded.excellent,
    good = good + excluded.good,
    average = average + excluded.average,
    poor = poor + excluded.poor,
    found_yes = found_yes + excluded.found_yes,
    found_no = found_no + excluded.found_no,
    reason_missing_information = reason_missing_information + excluded.reason_missing_information,
    reason_steps_did_not_work = reason_steps_did_not_work + excluded.reason_steps_did_not_work,
    reason_hard_to_understand = reason_hard_to_understand + excluded.reason_hard_to_understand,
    reason_out_of_date = reason_out_of_date + excluded.reason_out_of_date,
    reason_something_else = reason_something_else + excluded.reason_something_else;
END;

-- Only real feedback counts: no honeypot hits, nothing marked spam. Deleting rows (retention, a
-- privacy request) leaves the counts alone.
CREATE TRIGGER feedback_counts_insert AFTER INSERT ON feedback
WHEN NEW.is_spam = 0 AND NEW.status != 'spam'
BEGIN
  INSERT INTO feedback_count_changes
  VALUES (NEW.created_at / 86400000, coalesce(NEW.topic, '_help-center'), NEW.lang, 1, NEW.rating, NEW.found, NEW.reason);
END;

CREATE TRIGGER feedback_counts_update_old AFTER UPDATE OF topic, lang, rating, found, reason, status, is_spam, created_at ON feedback
WHEN OLD.is_spam = 0 AND OLD.status != 'spam'
BEGIN
  INSERT INTO feedback_count_changes
  VALUES (OLD.created_at / 86400000, coalesce(OLD.topic, '_help-center'), OLD.lang, -1, OLD.rating, OLD.found, OLD.reason);
END;

CREATE TRIGGER feedback_counts_update_new AFTER UPDATE OF topic, lang, rating, found, reason, status, is_spam, created_at ON feedback
WHEN NEW.is_spam = 0 AND NEW.status != 'spam'
BEGIN
  INSERT INTO feedback_count_changes
  VALUES (NEW.created_at / 86400000, coalesce(NEW.topic, '_help-center'), NEW.lang, 1, NEW.rating, NEW.found, NEW.reason);
END;

-- Searches per day, build, language and words (0008, 0012).
DROP TRIGGER search_daily_count;
ALTER TABLE search_daily RENAME TO search_daily_before_languages;
CREATE TABLE search_daily (
  day        INTEGER NOT NULL,                      -- days since 1970-01-01, UTC
  audience   TEXT NOT NULL,
  lang       TEXT NOT NULL,                         -- the language of the page searched on: its index
  query      TEXT NOT NULL,
  searches   INTEGER NOT NULL,
  no_results INTEGER NOT NULL,
  opened     INTEGER NOT NULL,
  partial    INTEGER NOT NULL DEFAULT 0,
  corrected  TEXT,                                  -- the latest correction shown that day, if any
  PRIMARY KEY (day, audience, lang, query)
) WITHOUT ROWID;
INSERT INTO search_daily (day, audience, lang, query, searches, no_results, opened, partial, corrected)
  SELECT day, audience, 'en', query, searches, no_results, opened, partial, corrected FROM search_daily_before_languages;
DROP TABLE search_daily_before_languages;
CREATE INDEX search_daily_query ON search_daily (audience, lang, query, day);

CREATE TRIGGER search_daily_count AFTER INSERT ON searches
BEGIN
  INSERT INTO search_daily (day, audience, lang, query, searches, no_results, opened, partial, corrected)
  VALUES (NEW.created_at / 86400000, NEW.audience, NEW.lang, NEW.query, 1, NEW.results = 0, NEW.opened IS NOT NULL,
          NEW.partial, NEW.corrected)
  ON CONFLICT (day, audience, lang, query) DO UPDATE SET
    searches = searches + 1,
    no_results = no_results + excluded.no_results,
    opened = opened + excluded.opened,
    partial = partial + excluded.partial,
    corrected = coalesce(excluded.corrected, corrected);
END;

-- Topic views per day, build and language (0013, 0015): a language's answers per 1,000 views
-- divide by its own views. Keyed as feedback's rollups are: a period's views are read by walking
-- topic_view_totals' (topic, language, build) triples and each one's days in the period, one range
-- of the key each, in (topic, language) order, so nothing is sorted and no index is kept besides.
DROP TRIGGER topic_view_totals_insert;
DROP TRIGGER topic_view_totals_update;
ALTER TABLE topic_views RENAME TO topic_views_before_languages;
CREATE TABLE topic_views (
  topic TEXT NOT NULL,
  day INTEGER NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
  lang TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (topic, lang, audience, day)
) WITHOUT ROWID;
INSERT INTO topic_views (topic, day, audience, lang, views)
  SELECT topic, day, audience, 'en', views FROM topic_views_before_languages;
-- Its day index (0015) goes with it.
DROP TABLE topic_views_before_languages;

ALTER TABLE topic_view_totals RENAME TO topic_view_totals_before_languages;
CREATE TABLE topic_view_totals (
  topic TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('public', 'internal')),
  lang TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (topic, lang, audience)
) WITHOUT ROWID;
INSERT INTO topic_view_totals (topic, audience, lang, views)
  SELECT topic, audience, 'en', views FROM topic_view_totals_before_languages;
DROP TABLE topic_view_totals_before_languages;

CREATE TRIGGER topic_view_totals_insert AFTER INSERT ON topic_views BEGIN
  INSERT INTO topic_view_totals (topic, audience, lang, views) VALUES (NEW.topic, NEW.audience, NEW.lang, NEW.views)
    ON CONFLICT (topic, lang, audience) DO UPDATE SET views = views + NEW.views;
END;

CREATE TRIGGER topic_view_totals_update AFTER UPDATE OF views ON topic_views BEGIN
  UPDATE topic_view_totals SET views = views + NEW.views - OLD.views
    WHERE topic = NEW.topic AND lang = NEW.lang AND audience = NEW.audience;
END;
