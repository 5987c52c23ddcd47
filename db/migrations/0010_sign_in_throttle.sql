CREATE TABLE `sign_in_throttle` (
	`address_key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`locks` integer DEFAULT 0 NOT NULL,
	`code_failures` integer DEFAULT 0 NOT NULL,
	`code_locked_until` integer,
	`code_locks` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_updated` ON `sign_in_throttle` (`updated_at`);--> statement-breakpoint
ALTER TABLE `staff` DROP COLUMN `failed_sign_ins`;--> statement-breakpoint
ALTER TABLE `staff` DROP COLUMN `locked_until`;