CREATE TABLE `unsent_texts` (
	`case_id` integer NOT NULL,
	`field` text NOT NULL,
	`text_enc` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `field`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unsent_texts_expires` ON `unsent_texts` (`expires_at`);