CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`scope` text NOT NULL,
	`committee_id` integer,
	`query` text,
	`frequency` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`confirm_token_hash` text,
	`confirm_expires_at` integer,
	`unsubscribe_token_hash` text,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	`sent_up_to` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "subscriptions_scope_check" CHECK("subscriptions"."scope" in ('all', 'committee', 'search')),
	CONSTRAINT "subscriptions_frequency_check" CHECK("subscriptions"."frequency" in ('immediate', 'daily')),
	CONSTRAINT "subscriptions_status_check" CHECK("subscriptions"."status" in ('pending', 'active', 'unsubscribed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_confirm_token_unique` ON `subscriptions` (`confirm_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_unsubscribe_token_unique` ON `subscriptions` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE INDEX `subscriptions_status_idx` ON `subscriptions` (`status`,`frequency`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `headers` text;