-- Indexes for the staff queue, so a page of it costs the same with 100 or 100,000 cases.
-- The expression is the deadline a case works towards, exactly as dueSql in app/server/queue.server.ts
-- writes it (SQLite uses an expression index only for the same expression): the acknowledgement until
-- acknowledged, then the first answer; a far-future date when none is pending or the case is closed.
-- Default order (urgency, then that deadline), for open cases, every case, and one status at a time; the
-- filter columns at the end let SQLite skip rows without reading the table:
CREATE INDEX cases_queue_all ON cases (urgent DESC, (CASE WHEN status = 'closed' THEN 253402300799999 WHEN acknowledged_at IS NULL THEN ack_due_at WHEN first_answer_at IS NULL THEN answer_due_at ELSE 253402300799999 END), received_at, id, status, erased_at, kind, unit_id, assignee_id);
--> statement-breakpoint
CREATE INDEX cases_status_queue ON cases (status, urgent DESC, (CASE WHEN status = 'closed' THEN 253402300799999 WHEN acknowledged_at IS NULL THEN ack_due_at WHEN first_answer_at IS NULL THEN answer_due_at ELSE 253402300799999 END), received_at, id);
--> statement-breakpoint
-- Newest or oldest first:
CREATE INDEX cases_open_received ON cases (received_at, id) WHERE status <> 'closed' AND erased_at IS NULL;
--> statement-breakpoint
CREATE INDEX cases_status_received ON cases (status, received_at, id);
--> statement-breakpoint
-- Counts per status under any filter, read from the index alone:
CREATE INDEX cases_facets ON cases (status, erased_at, kind, unit_id, assignee_id, urgent, acknowledged_at, first_answer_at, ack_due_at, answer_due_at);
--> statement-breakpoint
-- Related cases (same unit, overlapping period): counted from the index alone, the newest found by walking
-- it backwards:
CREATE INDEX cases_unit_recent ON cases (unit_id, received_at, period_from, period_to, erased_at, kind, status);
