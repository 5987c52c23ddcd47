-- The audit log stays append-only, but the retention job may remove entries older than the retention
-- period (60 months by default, never less than 12): the delete trigger now refuses only younger entries.
DROP TRIGGER audit_log_no_delete;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN old.at > (unixepoch('subsec') * 1000 - 365 * 86400000)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
