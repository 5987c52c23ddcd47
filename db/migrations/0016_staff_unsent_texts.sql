CREATE TABLE `staff_unsent_texts` (
	`staff_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`field` text NOT NULL,
	`text_enc` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`staff_id`, `case_id`, `field`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_unsent_texts_expires` ON `staff_unsent_texts` (`expires_at`);