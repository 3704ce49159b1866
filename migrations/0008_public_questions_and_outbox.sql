CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`message_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "outbox_status_check" CHECK("outbox"."status" in ('queued', 'sent', 'logged', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_public_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`reference` text,
	`kind` text DEFAULT 'question' NOT NULL,
	`agenda_item_id` integer,
	`about_item_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`asker_name` text NOT NULL,
	`asker_organisation` text,
	`asker_email` text,
	`asker_email_erased_at` integer,
	`text` text NOT NULL,
	`submitted_at` integer,
	`channel` text DEFAULT 'online' NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`suspected_spam` integer DEFAULT false NOT NULL,
	`status_token_hash` text,
	`status` text DEFAULT 'received' NOT NULL,
	`decided_at` integer,
	`rejection_reason` text,
	`rejection_note` text,
	`merged_into_id` integer,
	`answerer_person_id` integer,
	`answerer_organisation_id` integer,
	`answerer_email` text,
	`answer_due_on` text,
	`answer_token_hash` text,
	`answer_requested_at` integer,
	`answer_received_at` integer,
	`answer_kind` text,
	`answer_text` text,
	`answered_by` text,
	`answered_at` integer,
	`answer_published_at` integer,
	`answer_document_id` integer,
	`supplementary_question` text,
	`supplementary_answer` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`about_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`merged_into_id`) REFERENCES `public_questions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answerer_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answerer_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answer_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "public_questions_status_check" CHECK("__new_public_questions"."status" in ('received', 'accepted', 'rejected', 'withdrawn', 'merged', 'answered')),
	CONSTRAINT "public_questions_kind_check" CHECK("__new_public_questions"."kind" in ('question', 'deputation', 'statement')),
	CONSTRAINT "public_questions_channel_check" CHECK("__new_public_questions"."channel" in ('online', 'email', 'post', 'in_person'))
);
--> statement-breakpoint
INSERT INTO `__new_public_questions`("id", "meeting_id", "agenda_item_id", "position", "asker_name", "asker_organisation", "asker_email", "text", "submitted_at", "late", "status", "rejection_reason", "answer_kind", "answer_text", "answered_by", "answered_at", "supplementary_question", "supplementary_answer", "created_at", "updated_at") SELECT "id", "meeting_id", "agenda_item_id", "position", "asker_name", "asker_organisation", "asker_email", "text", "submitted_at", "late", "status", "rejection_reason", "answer_kind", "answer_text", "answered_by", "answered_at", "supplementary_question", "supplementary_answer", "created_at", "updated_at" FROM `public_questions`;--> statement-breakpoint
DROP TABLE `public_questions`;--> statement-breakpoint
ALTER TABLE `__new_public_questions` RENAME TO `public_questions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `public_questions_meeting_idx` ON `public_questions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `public_questions_status_idx` ON `public_questions` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `public_questions_reference_unique` ON `public_questions` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `public_questions_status_token_unique` ON `public_questions` (`status_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `public_questions_answer_token_unique` ON `public_questions` (`answer_token_hash`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `email` text;--> statement-breakpoint
ALTER TABLE `people` ADD `email` text;--> statement-breakpoint
ALTER TABLE `committees` ADD `questions_open_days_before` integer;--> statement-breakpoint
ALTER TABLE `committees` ADD `speaking_requests` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `committees` ADD `asker_email_months` integer DEFAULT 6 NOT NULL;;--> statement-breakpoint
UPDATE `public_questions` SET `reference` = (
	SELECT 'Q-' || date(m.`starts_at` / 1000, 'unixepoch') || '-' || printf('%03d', (
		SELECT count(*) FROM `public_questions` q2
		WHERE q2.`meeting_id` = `public_questions`.`meeting_id`
		AND (q2.`position` < `public_questions`.`position` OR (q2.`position` = `public_questions`.`position` AND q2.`id` <= `public_questions`.`id`))
	))
	FROM `meetings` m WHERE m.`id` = `public_questions`.`meeting_id`
);--> statement-breakpoint
UPDATE `public_questions` SET `answer_published_at` = `updated_at` WHERE `answer_kind` = 'written' AND `answer_text` IS NOT NULL;
