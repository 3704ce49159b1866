CREATE TABLE `minutes_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`minutes_version_id` integer NOT NULL,
	`item_number` integer,
	`text` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`resolution_id` integer,
	`recorded_by_user_id` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`minutes_version_id`) REFERENCES `minutes_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "minutes_amendments_text_check" CHECK(length(trim("minutes_amendments"."text")) > 0)
);
--> statement-breakpoint
CREATE INDEX `minutes_amendments_meeting_idx` ON `minutes_amendments` (`meeting_id`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `minute_revision` integer DEFAULT 0 NOT NULL;