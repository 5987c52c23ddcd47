CREATE TABLE `follow_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`case_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_sessions_case` ON `follow_sessions` (`case_id`);--> statement-breakpoint
CREATE INDEX `follow_sessions_last_seen` ON `follow_sessions` (`last_seen_at`);--> statement-breakpoint
CREATE INDEX `follow_sessions_created` ON `follow_sessions` (`created_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` text NOT NULL,
	`key_hash` text NOT NULL,
	`count` integer NOT NULL,
	`reset_at` integer NOT NULL,
	PRIMARY KEY(`bucket`, `key_hash`)
);
--> statement-breakpoint
CREATE INDEX `rate_limits_reset` ON `rate_limits` (`reset_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `failed_lookups`;--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `locked_until`;