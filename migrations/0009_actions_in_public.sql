CREATE TABLE `action_owner_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_owner_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`action_owner_id`) REFERENCES `action_owners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_owner_links_token_unique` ON `action_owner_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `action_owner_links_owner_idx` ON `action_owner_links` (`action_owner_id`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`step` text NOT NULL,
	`recipient` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_sent_unique` ON `reminders_sent` (`kind`,`record_id`,`step`,`recipient`);--> statement-breakpoint
ALTER TABLE `action_updates` ADD `from_status` text;--> statement-breakpoint
ALTER TABLE `action_updates` ADD `note_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `action_updates` ADD `author_name` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `published_at` integer;--> statement-breakpoint
CREATE INDEX `actions_published_idx` ON `actions` (`published_at`,`status`,`due_date`);--> statement-breakpoint
UPDATE `actions` SET `published_at` = (
	SELECT min(mv.`published_at`) FROM `minutes_versions` mv
	JOIN `agenda_items` ai ON ai.`meeting_id` = mv.`meeting_id`
	WHERE ai.`id` = `actions`.`agenda_item_id` AND ai.`exempt_paragraph` IS NULL
);--> statement-breakpoint
UPDATE `action_updates` SET `author_name` = (SELECT p.`name` FROM `people` p WHERE p.`id` = `action_updates`.`author_person_id`);
