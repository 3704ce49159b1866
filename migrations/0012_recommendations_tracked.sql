CREATE TABLE `recommendation_target_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`from_date` text,
	`to_date` text,
	`reason` text NOT NULL,
	`author_name` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "recommendation_target_changes_reason_check" CHECK(length(trim("recommendation_target_changes"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX `recommendation_target_changes_rec_idx` ON `recommendation_target_changes` (`recommendation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `inquiry_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "inquiry_members_role_check" CHECK("inquiry_members"."role" in ('chair', 'member'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiry_members_unique` ON `inquiry_members` (`inquiry_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `inquiry_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inquiry_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiry_sessions_unique` ON `inquiry_sessions` (`inquiry_id`,`meeting_id`);--> statement-breakpoint
CREATE INDEX `inquiry_sessions_meeting_idx` ON `inquiry_sessions` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `recommendation_responses` ADD `document_id` integer REFERENCES documents(id) ON DELETE set null;--> statement-breakpoint
-- Hand-written instead of drizzle-kit's table rebuild: the migrator runs in one transaction, where
-- PRAGMA foreign_keys=OFF does nothing, so dropping the old table would cascade-delete its responses.
ALTER TABLE `recommendations` ADD `contact_person_id` integer REFERENCES people(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `recommendations` ADD `implementation_status` text DEFAULT 'not_started' NOT NULL CONSTRAINT "recommendations_implementation_check" CHECK("implementation_status" in ('not_started', 'on_track', 'at_risk', 'off_track', 'complete'));--> statement-breakpoint
ALTER TABLE `recommendations` ADD `target_date` text;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `terms_of_reference` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `work_programme_entries` ADD `recommendation_id` integer REFERENCES recommendations(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `work_programme_entries` ADD `review_due_on` text;--> statement-breakpoint
CREATE INDEX `work_programme_recommendation_idx` ON `work_programme_entries` (`recommendation_id`);