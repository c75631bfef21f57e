-- Feedback counted per UTC day and topic (and per topic over all time): what the dashboard's overview, topic view and reasons
-- read, so their cost does not grow with the years behind them. Triggers keep it exact in the
-- same transaction as every write that changes what counts (a new answer, a changed answer, a
-- comment marked spam or back); deleting old rows (retention, a privacy request) leaves the
-- counts alone. Only real feedback counts: no honeypot hits, nothing marked spam.
CREATE TABLE feedback_daily (
  day INTEGER NOT NULL,                             -- days since 1970-01-01, UTC, of created_at
  topic TEXT NOT NULL,                              -- '_help-center' for the site as a whole
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
  -- Topic first: the overview walks the topics in order and reads each one's days in the period.
  PRIMARY KEY (topic, day)
) WITHOUT ROWID;

INSERT INTO feedback_daily (day, topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
SELECT created_at / 86400000, coalesce(topic, '_help-center'),
       count(*),
       sum(rating IS 'excellent'),
       sum(rating IS 'good'),
       sum(rating IS 'average'),
       sum(rating IS 'poor'),
       sum(found IS 'yes'),
       sum(found IS 'no'),
       sum(reason IS 'missing-information'),
       sum(reason IS 'steps-did-not-work'),
       sum(reason IS 'hard-to-understand'),
       sum(reason IS 'out-of-date'),
       sum(reason IS 'something-else')
FROM feedback WHERE is_spam = 0 AND status != 'spam'
GROUP BY 1, 2;


-- The same counts per topic over all time: the overview's "All time" reads one row per topic.
CREATE TABLE feedback_totals (
  topic TEXT PRIMARY KEY,
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
  reason_something_else INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO feedback_totals (topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
SELECT topic, sum(responses), sum(excellent), sum(good), sum(average), sum(poor), sum(found_yes), sum(found_no), sum(reason_missing_information), sum(reason_steps_did_not_work), sum(reason_hard_to_understand), sum(reason_out_of_date), sum(reason_something_else) FROM feedback_daily GROUP BY topic;

CREATE TRIGGER feedback_daily_insert AFTER INSERT ON feedback
WHEN NEW.is_spam = 0 AND NEW.status != 'spam'
BEGIN
  INSERT INTO feedback_daily (day, topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    NEW.created_at / 86400000, coalesce(NEW.topic, '_help-center'),
    +1,
    +(NEW.rating IS 'excellent'),
    +(NEW.rating IS 'good'),
    +(NEW.rating IS 'average'),
    +(NEW.rating IS 'poor'),
    +(NEW.found IS 'yes'),
    +(NEW.found IS 'no'),
    +(NEW.reason IS 'missing-information'),
    +(NEW.reason IS 'steps-did-not-work'),
    +(NEW.reason IS 'hard-to-understand'),
    +(NEW.reason IS 'out-of-date'),
    +(NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic, day) DO UPDATE SET
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
  INSERT INTO feedback_totals (topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    coalesce(NEW.topic, '_help-center'),
    +1,
    +(NEW.rating IS 'excellent'),
    +(NEW.rating IS 'good'),
    +(NEW.rating IS 'average'),
    +(NEW.rating IS 'poor'),
    +(NEW.found IS 'yes'),
    +(NEW.found IS 'no'),
    +(NEW.reason IS 'missing-information'),
    +(NEW.reason IS 'steps-did-not-work'),
    +(NEW.reason IS 'hard-to-understand'),
    +(NEW.reason IS 'out-of-date'),
    +(NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic) DO UPDATE SET
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

CREATE TRIGGER feedback_daily_update_old AFTER UPDATE OF topic, rating, found, reason, status, is_spam, created_at ON feedback
WHEN OLD.is_spam = 0 AND OLD.status != 'spam'
BEGIN
  INSERT INTO feedback_daily (day, topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    OLD.created_at / 86400000, coalesce(OLD.topic, '_help-center'),
    -1,
    -(OLD.rating IS 'excellent'),
    -(OLD.rating IS 'good'),
    -(OLD.rating IS 'average'),
    -(OLD.rating IS 'poor'),
    -(OLD.found IS 'yes'),
    -(OLD.found IS 'no'),
    -(OLD.reason IS 'missing-information'),
    -(OLD.reason IS 'steps-did-not-work'),
    -(OLD.reason IS 'hard-to-understand'),
    -(OLD.reason IS 'out-of-date'),
    -(OLD.reason IS 'something-else')
  )
  ON CONFLICT (topic, day) DO UPDATE SET
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
  INSERT INTO feedback_totals (topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    coalesce(OLD.topic, '_help-center'),
    -1,
    -(OLD.rating IS 'excellent'),
    -(OLD.rating IS 'good'),
    -(OLD.rating IS 'average'),
    -(OLD.rating IS 'poor'),
    -(OLD.found IS 'yes'),
    -(OLD.found IS 'no'),
    -(OLD.reason IS 'missing-information'),
    -(OLD.reason IS 'steps-did-not-work'),
    -(OLD.reason IS 'hard-to-understand'),
    -(OLD.reason IS 'out-of-date'),
    -(OLD.reason IS 'something-else')
  )
  ON CONFLICT (topic) DO UPDATE SET
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

CREATE TRIGGER feedback_daily_update_new AFTER UPDATE OF topic, rating, found, reason, status, is_spam, created_at ON feedback
WHEN NEW.is_spam = 0 AND NEW.status != 'spam'
BEGIN
  INSERT INTO feedback_daily (day, topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    NEW.created_at / 86400000, coalesce(NEW.topic, '_help-center'),
    +1,
    +(NEW.rating IS 'excellent'),
    +(NEW.rating IS 'good'),
    +(NEW.rating IS 'average'),
    +(NEW.rating IS 'poor'),
    +(NEW.found IS 'yes'),
    +(NEW.found IS 'no'),
    +(NEW.reason IS 'missing-information'),
    +(NEW.reason IS 'steps-did-not-work'),
    +(NEW.reason IS 'hard-to-understand'),
    +(NEW.reason IS 'out-of-date'),
    +(NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic, day) DO UPDATE SET
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
  INSERT INTO feedback_totals (topic, responses, excellent, good, average, poor, found_yes, found_no, reason_missing_information, reason_steps_did_not_work, reason_hard_to_understand, reason_out_of_date, reason_something_else)
  VALUES (
    coalesce(NEW.topic, '_help-center'),
    +1,
    +(NEW.rating IS 'excellent'),
    +(NEW.rating IS 'good'),
    +(NEW.rating IS 'average'),
    +(NEW.rating IS 'poor'),
    +(NEW.found IS 'yes'),
    +(NEW.found IS 'no'),
    +(NEW.reason IS 'missing-information'),
    +(NEW.reason IS 'steps-did-not-work'),
    +(NEW.reason IS 'hard-to-understand'),
    +(NEW.reason IS 'out-of-date'),
    +(NEW.reason IS 'something-else')
  )
  ON CONFLICT (topic) DO UPDATE SET
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
