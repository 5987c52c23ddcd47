CREATE TABLE `story_additions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`chars` integer NOT NULL,
	`text_enc` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_additions_case` ON `story_additions` (`case_id`,`at`);