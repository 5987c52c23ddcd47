CREATE TABLE `access_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`role` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_tokens_token_hash_unique` ON `access_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`staff_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`case_id` integer,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_case` ON `audit_log` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`reporter_visible` integer NOT NULL,
	`staff_id` integer,
	`referral_id` integer,
	`params` text,
	`data_enc` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`passphrase_hash` text NOT NULL,
	`submission_key` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`language` text NOT NULL,
	`reporter_role` text,
	`unit_id` integer,
	`period_from` integer,
	`period_to` integer,
	`themes` text DEFAULT '[]' NOT NULL,
	`wishes` text DEFAULT '[]' NOT NULL,
	`safe_now` text,
	`municipality_code` text,
	`contact_method` text,
	`story_enc` text,
	`details_enc` text,
	`contact_enc` text,
	`notify_email_enc` text,
	`outcome_enc` text,
	`assignee_id` integer,
	`received_at` integer NOT NULL,
	`ack_due_at` integer NOT NULL,
	`answer_due_at` integer NOT NULL,
	`acknowledged_at` integer,
	`first_answer_at` integer,
	`closed_at` integer,
	`erased_at` integer,
	`failed_lookups` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_code_unique` ON `cases` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_submission_key_unique` ON `cases` (`submission_key`);--> statement-breakpoint
CREATE INDEX `cases_queue` ON `cases` (`status`,`urgent`,`ack_due_at`);--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received_at`);--> statement-breakpoint
CREATE INDEX `cases_unit` ON `cases` (`unit_id`);--> statement-breakpoint
CREATE INDEX `cases_assignee` ON `cases` (`assignee_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`case_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`given` integer NOT NULL,
	`with_identity` integer DEFAULT false NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `recipient`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `drafts` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`data_enc` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`author` text NOT NULL,
	`staff_id` integer,
	`body_enc` text NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_case` ON `messages` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `municipality_renames` (
	`old_code` text PRIMARY KEY NOT NULL,
	`old_name` text NOT NULL,
	`ended_on` text NOT NULL,
	`successor_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`body_enc` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`cbs_code` text,
	`province` text,
	`region_code` text,
	`referral_email` text,
	`notes` text,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_cbs_code` ON `organisations` (`cbs_code`);--> statement-breakpoint
CREATE INDEX `organisations_kind` ON `organisations` (`kind`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`to_enc` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`parts` text NOT NULL,
	`content_enc` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`received_at` integer,
	`done_at` integer,
	`link_version` integer DEFAULT 1 NOT NULL,
	`link_expires_at` integer NOT NULL,
	`consent_withdrawn_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_case` ON `referrals` (`case_id`);--> statement-breakpoint
CREATE INDEX `referrals_org` ON `referrals` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `region_coordination` (
	`region_code` text PRIMARY KEY NOT NULL,
	`organisation_id` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`totp_secret_enc` text,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_unique` ON `staff` (`email`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stat_counts` (
	`month` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`month`, `dimension`, `value`)
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`place` text NOT NULL,
	`operator` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_slug_unique` ON `units` (`slug`);