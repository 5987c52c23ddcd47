CREATE TABLE `case_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`linked_case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`staff_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`linked_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_links_pair` ON `case_links` (`case_id`,`linked_case_id`);--> statement-breakpoint
CREATE INDEX `case_links_linked` ON `case_links` (`linked_case_id`);--> statement-breakpoint
CREATE TABLE `case_tags` (
	`case_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `tag_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_tags_tag` ON `case_tags` (`tag_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_enc` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_as` text;