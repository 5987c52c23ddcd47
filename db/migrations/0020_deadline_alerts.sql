ALTER TABLE `cases` ADD `due_alerted_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `due_alerted_kind` text;