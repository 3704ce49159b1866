ALTER TABLE `agenda_versions` ADD `published_by_user_id` integer;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_progress` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_error` text;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_front_pages` integer;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_file` text;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_bytes` integer;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `pack_pages` integer;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `full_pack_file` text;--> statement-breakpoint
ALTER TABLE `agenda_versions` ADD `full_pack_bytes` integer;--> statement-breakpoint
CREATE INDEX `agenda_versions_pack_status_idx` ON `agenda_versions` (`pack_status`);