-- ADR 039: the queue sorts by each case's stored next due date (cases.next_due_at), which the server
-- computes with app/domain/case-clocks.ts whenever a case changes.
--
-- A case inserted without one (every insert path that predates the clocks: seeds, fixtures) starts on the
-- statutory clocks, as the old queue expression had it; a case already past both is put up for review on
-- the day of its first answer plus two weeks, until its next change computes the exact clock.
CREATE TRIGGER cases_next_due_on_insert AFTER INSERT ON cases
WHEN NEW.next_due_kind IS NULL AND NEW.status <> 'closed'
BEGIN
  UPDATE cases SET
    next_due_kind = CASE WHEN NEW.acknowledged_at IS NULL THEN 'ack' WHEN NEW.first_answer_at IS NULL THEN 'answer' ELSE 'review' END,
    next_due_at = CASE WHEN NEW.acknowledged_at IS NULL THEN NEW.ack_due_at WHEN NEW.first_answer_at IS NULL THEN NEW.answer_due_at ELSE max(NEW.first_answer_at, NEW.acknowledged_at) + 14 * 86400000 END
  WHERE id = NEW.id;
END;
--> statement-breakpoint
-- The cases there are now, by the same rule (the server recomputes every open case once at start).
UPDATE cases SET
  next_due_kind = CASE WHEN acknowledged_at IS NULL THEN 'ack' WHEN first_answer_at IS NULL THEN 'answer' ELSE 'review' END,
  next_due_at = CASE WHEN acknowledged_at IS NULL THEN ack_due_at WHEN first_answer_at IS NULL THEN answer_due_at ELSE max(first_answer_at, acknowledged_at) + 14 * 86400000 END
WHERE status <> 'closed';
--> statement-breakpoint
DROP INDEX cases_queue_all;
--> statement-breakpoint
DROP INDEX cases_status_queue;
--> statement-breakpoint
-- The queue's default order (urgency, then the next due date), for open cases, every case and one status
-- at a time; the filter columns at the end let SQLite skip rows without reading the table:
CREATE INDEX cases_queue_all ON cases (urgent DESC, next_due_at, received_at, id, status, erased_at, kind, unit_id, assignee_id);
--> statement-breakpoint
CREATE INDEX cases_status_queue ON cases (status, urgent DESC, next_due_at, received_at, id);
--> statement-breakpoint
-- Counts per status under the "overdue" filter, read from the index alone:
DROP INDEX cases_facets;
--> statement-breakpoint
CREATE INDEX cases_facets ON cases (status, erased_at, kind, unit_id, assignee_id, urgent, next_due_at);
