-- The statistics are counted as cases and referrals change (ADR 013). `stat_counts` holds, per
-- (month, dimension, value), how many facts there are: of live cases, kept up to date by the triggers
-- below in the same transaction as every change, and of erased cases, which simply stay (there is no
-- delete trigger). Only what depends on the moment of the report is counted live: whether an awaited
-- acknowledgement or first answer is still "open" or already "late" (app/server/statistics.server.ts).
--
-- The facts of one case: its kind, unit, urgency, each theme and wish, and, once they happened, whether
-- the acknowledgement and the first answer met their deadline. Contact requests have no deadlines.
CREATE VIEW `case_facts` AS
  SELECT id AS case_id, received_month AS month, 'kind' AS dimension, kind AS value FROM cases
  UNION ALL
  SELECT id, received_month, 'unit', coalesce(CAST(unit_id AS TEXT), 'unknown') FROM cases
  UNION ALL
  SELECT id, received_month, 'urgent', '1' FROM cases WHERE urgent = 1
  UNION ALL
  SELECT c.id, c.received_month, 'theme', j.value FROM cases c, json_each(c.themes) j
  UNION ALL
  SELECT c.id, c.received_month, 'wish', j.value FROM cases c, json_each(c.wishes) j
  UNION ALL
  SELECT id, received_month, 'ack', CASE WHEN acknowledged_at <= ack_due_at THEN 'met' ELSE 'late' END
  FROM cases WHERE kind != 'contact' AND acknowledged_at IS NOT NULL
  UNION ALL
  SELECT id, received_month, 'answer', CASE WHEN first_answer_at <= answer_due_at THEN 'met' ELSE 'late' END
  FROM cases WHERE kind != 'contact' AND first_answer_at IS NOT NULL;
--> statement-breakpoint
-- The facts of one referral: the organisation, the days from sending to "received" and to "done" (to one
-- decimal, per organisation, so medians and percentiles can be taken), and whether it is still open.
CREATE VIEW `referral_facts` AS
  SELECT id AS referral_id, created_month AS month, 'referral' AS dimension,
         CAST(organisation_id AS TEXT) AS value FROM referrals
  UNION ALL
  SELECT id, created_month, 'received_days:' || organisation_id,
         CAST(round((received_at - sent_at) / 86400000.0, 1) AS TEXT)
  FROM referrals WHERE sent_at IS NOT NULL AND received_at IS NOT NULL
  UNION ALL
  SELECT id, created_month, 'done_days:' || organisation_id,
         CAST(round((done_at - sent_at) / 86400000.0, 1) AS TEXT)
  FROM referrals WHERE sent_at IS NOT NULL AND done_at IS NOT NULL
  UNION ALL
  SELECT id, created_month, 'open', CAST(organisation_id AS TEXT) FROM referrals WHERE done_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `cases_count_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, 1 FROM case_facts WHERE case_id = NEW.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
-- An update takes the case's old facts away before it and adds its new facts after it.
CREATE TRIGGER `cases_count_update_old` BEFORE UPDATE OF
  received_at, kind, urgent, unit_id, themes, wishes, acknowledged_at, ack_due_at, first_answer_at, answer_due_at
  ON `cases` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, -1 FROM case_facts WHERE case_id = OLD.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_update_new` AFTER UPDATE OF
  received_at, kind, urgent, unit_id, themes, wishes, acknowledged_at, ack_due_at, first_answer_at, answer_due_at
  ON `cases` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, 1 FROM case_facts WHERE case_id = NEW.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_count_insert` AFTER INSERT ON `referrals` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, 1 FROM referral_facts WHERE referral_id = NEW.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_count_update_old` BEFORE UPDATE OF
  created_at, organisation_id, sent_at, received_at, done_at ON `referrals` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, -1 FROM referral_facts WHERE referral_id = OLD.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
CREATE TRIGGER `referrals_count_update_new` AFTER UPDATE OF
  created_at, organisation_id, sent_at, received_at, done_at ON `referrals` BEGIN
  INSERT INTO stat_counts (month, dimension, value, count)
    SELECT month, dimension, value, 1 FROM referral_facts WHERE referral_id = NEW.id
    ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
END;
--> statement-breakpoint
-- Until now stat_counts held the facts of erased cases only: add those of the cases still here.
INSERT INTO stat_counts (month, dimension, value, count)
  SELECT month, dimension, value, count(*) FROM case_facts WHERE true GROUP BY month, dimension, value
  ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
--> statement-breakpoint
INSERT INTO stat_counts (month, dimension, value, count)
  SELECT month, dimension, value, count(*) FROM referral_facts WHERE true GROUP BY month, dimension, value
  ON CONFLICT (month, dimension, value) DO UPDATE SET count = count + excluded.count;
