CREATE TABLE `staff_alert_opt_outs` (
	`staff_id` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`staff_id`, `kind`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
