ALTER TABLE `cases` ADD `next_due_at` integer DEFAULT 253402300799999 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `next_due_kind` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_reason_enc` text;