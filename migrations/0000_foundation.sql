CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`kind` text NOT NULL,
	`website` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK("organisations"."kind" in ('council', 'town_parish_council', 'nhs_england', 'nhs_trust', 'ccg', 'icb', 'ics', 'icp', 'gp_practice', 'healthwatch', 'charity', 'community_group', 'professional_body', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_name_unique` ON `organisations` (`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`full_name` text,
	`honorific` text,
	`job_title` text,
	`organisation_id` integer,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "people_kind_check" CHECK("people"."kind" in ('councillor', 'co_optee', 'officer', 'partner', 'public'))
);
--> statement-breakpoint
CREATE INDEX `people_name_idx` ON `people` (`name`);--> statement-breakpoint
CREATE INDEX `people_organisation_idx` ON `people` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `committees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`remit` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`dissolved_on` text,
	`clerk_person_id` integer,
	`contact_email` text,
	`contact_phone` text,
	`notice_clear_days` integer DEFAULT 5 NOT NULL,
	`question_cutoff_time` text DEFAULT '12:00' NOT NULL,
	`question_cutoff_clear_days` integer DEFAULT 3 NOT NULL,
	`question_word_limit` integer DEFAULT 250 NOT NULL,
	`questions_per_person` integer DEFAULT 1 NOT NULL,
	`minutes_due_working_days` integer DEFAULT 10 NOT NULL,
	`response_due_months` integer DEFAULT 2 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`clerk_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "committees_kind_check" CHECK("committees"."kind" in ('select', 'joint_scrutiny', 'board')),
	CONSTRAINT "committees_status_check" CHECK("committees"."status" in ('active', 'dissolved')),
	CONSTRAINT "committees_notice_check" CHECK("committees"."notice_clear_days" between 0 and 60),
	CONSTRAINT "committees_slug_check" CHECK("committees"."slug" glob '[a-z0-9]*' and "committees"."slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `committees_slug_unique` ON `committees` (`slug`);--> statement-breakpoint
CREATE INDEX `committees_status_idx` ON `committees` (`status`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`voting` integer DEFAULT true NOT NULL,
	`representing` text,
	`from_date` text,
	`to_date` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "memberships_role_check" CHECK("memberships"."role" in ('chairman', 'vice_chairman', 'member', 'co_opted', 'substitute', 'ex_officio')),
	CONSTRAINT "memberships_dates_check" CHECK("memberships"."from_date" is null or "memberships"."to_date" is null or "memberships"."from_date" <= "memberships"."to_date")
);
--> statement-breakpoint
CREATE INDEX `memberships_committee_idx` ON `memberships` (`committee_id`,`to_date`);--> statement-breakpoint
CREATE INDEX `memberships_person_idx` ON `memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`venue` text,
	`online_url` text,
	`webcast_url` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`status_reason` text,
	`agenda_status` text DEFAULT 'draft' NOT NULL,
	`minutes_status` text DEFAULT 'none' NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`calendar_sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('scheduled', 'held', 'cancelled', 'postponed')),
	CONSTRAINT "meetings_agenda_status_check" CHECK("meetings"."agenda_status" in ('draft', 'published')),
	CONSTRAINT "meetings_minutes_status_check" CHECK("meetings"."minutes_status" in ('none', 'draft', 'published', 'approved'))
);
--> statement-breakpoint
CREATE INDEX `meetings_committee_starts_idx` ON `meetings` (`committee_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`starts_at`);--> statement-breakpoint
CREATE TABLE `agenda_item_presenters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`person_id` integer,
	`name` text,
	`capacity` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "agenda_item_presenters_who_check" CHECK("agenda_item_presenters"."person_id" is not null or "agenda_item_presenters"."name" is not null)
);
--> statement-breakpoint
CREATE INDEX `agenda_item_presenters_item_idx` ON `agenda_item_presenters` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_item_presenters_person_idx` ON `agenda_item_presenters` (`person_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text DEFAULT 'business' NOT NULL,
	`title` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`planned_start` text,
	`duration_minutes` integer,
	`exempt_paragraph` integer,
	`exempt_reason` text,
	`late_reason` text,
	`confirms_minutes_of_meeting_id` integer,
	`minute_text` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirms_minutes_of_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agenda_items_kind_check" CHECK("agenda_items"."kind" in ('apologies', 'declarations', 'minutes', 'public_questions', 'chairmans_update', 'work_programme', 'next_meeting', 'business')),
	CONSTRAINT "agenda_items_exempt_check" CHECK("agenda_items"."exempt_paragraph" is null or ("agenda_items"."exempt_paragraph" between 1 and 7)),
	CONSTRAINT "agenda_items_planned_start_check" CHECK("agenda_items"."planned_start" is null or "agenda_items"."planned_start" glob '[0-2][0-9]:[0-5][0-9]')
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_position_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_confirms_idx` ON `agenda_items` (`confirms_minutes_of_meeting_id`);--> statement-breakpoint
CREATE TABLE `agenda_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`published_at` integer NOT NULL,
	`change_summary` text,
	`late_reason` text,
	`chairman_agreement` text,
	`snapshot` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "agenda_versions_version_check" CHECK("agenda_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_versions_meeting_version_unique` ON `agenda_versions` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer,
	`agenda_item_id` integer,
	`inquiry_id` integer,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`exempt_paragraph` integer,
	`page_count` integer,
	`pack_start_page` integer,
	`pack_end_page` integer,
	`file_hash` text,
	`file_name` text,
	`mime_type` text,
	`byte_size` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "documents_kind_check" CHECK("documents"."kind" in ('report', 'appendix', 'response', 'background_papers', 'minutes', 'presentation', 'other')),
	CONSTRAINT "documents_exempt_check" CHECK("documents"."exempt_paragraph" is null or ("documents"."exempt_paragraph" between 1 and 7)),
	CONSTRAINT "documents_pages_check" CHECK("documents"."pack_start_page" is null or "documents"."pack_end_page" is null or "documents"."pack_start_page" <= "documents"."pack_end_page")
);
--> statement-breakpoint
CREATE INDEX `documents_meeting_idx` ON `documents` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `documents_item_idx` ON `documents` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `documents_inquiry_idx` ON `documents` (`inquiry_id`);--> statement-breakpoint
CREATE INDEX `documents_hash_idx` ON `documents` (`file_hash`);--> statement-breakpoint
CREATE TABLE `public_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`asker_name` text NOT NULL,
	`asker_organisation` text,
	`asker_email` text,
	`text` text NOT NULL,
	`submitted_at` integer,
	`late` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`rejection_reason` text,
	`answer_kind` text,
	`answer_text` text,
	`answered_by` text,
	`answered_at` integer,
	`supplementary_question` text,
	`supplementary_answer` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "public_questions_status_check" CHECK("public_questions"."status" in ('received', 'accepted', 'rejected', 'answered'))
);
--> statement-breakpoint
CREATE INDEX `public_questions_meeting_idx` ON `public_questions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `public_questions_status_idx` ON `public_questions` (`status`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`status` text NOT NULL,
	`virtual` integer DEFAULT false NOT NULL,
	`substitute_for_person_id` integer,
	`note` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`substitute_for_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "attendance_status_check" CHECK("attendance"."status" in ('present', 'apologies', 'absent', 'in_attendance'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person_unique` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `attendance_person_idx` ON `attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `declarations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`nature` text DEFAULT '' NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`withdrew` integer DEFAULT false NOT NULL,
	`dispensation` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "declarations_kind_check" CHECK("declarations"."kind" in ('disclosable_pecuniary', 'other_registrable', 'non_registrable'))
);
--> statement-breakpoint
CREATE INDEX `declarations_meeting_idx` ON `declarations` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `declarations_person_idx` ON `declarations` (`person_id`);--> statement-breakpoint
CREATE TABLE `minutes_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`published_at` integer NOT NULL,
	`change_summary` text,
	`snapshot` text NOT NULL,
	`approved_at` integer,
	`approving_resolution_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`approving_resolution_id`) REFERENCES `resolutions`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "minutes_versions_version_check" CHECK("minutes_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_versions_meeting_version_unique` ON `minutes_versions` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`text` text NOT NULL,
	`outcome` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "resolutions_outcome_check" CHECK("resolutions"."outcome" in ('NOTED', 'AGREED', 'APPROVED', 'RECEIVED', 'DELEGATED', 'RECOMMENDED', 'DISCUSSED', 'ENDORSED', 'DEFERRED', 'REFERRED', 'REJECTED')),
	CONSTRAINT "resolutions_text_check" CHECK(length(trim("resolutions"."text")) > 0)
);
--> statement-breakpoint
CREATE INDEX `resolutions_item_idx` ON `resolutions` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE TABLE `action_owners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "action_owners_name_check" CHECK(length(trim("action_owners"."name")) > 0)
);
--> statement-breakpoint
CREATE INDEX `action_owners_action_idx` ON `action_owners` (`action_id`,`position`);--> statement-breakpoint
CREATE INDEX `action_owners_person_idx` ON `action_owners` (`person_id`);--> statement-breakpoint
CREATE TABLE `action_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`author_person_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "action_updates_status_check" CHECK("action_updates"."status" in ('open', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`reference` text,
	`description` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "actions_status_check" CHECK("actions"."status" in ('open', 'in_progress', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `actions_item_idx` ON `actions` (`agenda_item_id`,`position`);--> statement-breakpoint
CREATE INDEX `actions_status_due_idx` ON `actions` (`status`,`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `actions_reference_unique` ON `actions` (`reference`);--> statement-breakpoint
CREATE TABLE `recommendation_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`decision` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`respondent` text,
	`target_date` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "recommendation_responses_decision_check" CHECK("recommendation_responses"."decision" in ('accepted', 'partly_accepted', 'rejected', 'noted'))
);
--> statement-breakpoint
CREATE INDEX `recommendation_responses_rec_idx` ON `recommendation_responses` (`recommendation_id`);--> statement-breakpoint
CREATE TABLE `recommendation_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`meeting_id` integer,
	`rag` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`target_date` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "recommendation_reviews_rag_check" CHECK("recommendation_reviews"."rag" in ('red', 'amber', 'green', 'complete'))
);
--> statement-breakpoint
CREATE INDEX `recommendation_reviews_rec_idx` ON `recommendation_reviews` (`recommendation_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`agenda_item_id` integer,
	`inquiry_id` integer,
	`reference` text,
	`text` text NOT NULL,
	`addressed_to` text NOT NULL,
	`addressee_organisation_id` integer,
	`sent_on` text,
	`response_due_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`addressee_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "recommendations_status_check" CHECK("recommendations"."status" in ('draft', 'awaiting_response', 'responded', 'complete'))
);
--> statement-breakpoint
CREATE INDEX `recommendations_committee_status_idx` ON `recommendations` (`committee_id`,`status`);--> statement-breakpoint
CREATE INDEX `recommendations_inquiry_idx` ON `recommendations` (`inquiry_id`);--> statement-breakpoint
CREATE INDEX `recommendations_item_idx` ON `recommendations` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `recommendations_due_idx` ON `recommendations` (`status`,`response_due_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_reference_unique` ON `recommendations` (`reference`);--> statement-breakpoint
CREATE TABLE `inquiries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`started_on` text,
	`reported_on` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "inquiries_kind_check" CHECK("inquiries"."kind" in ('one_day', 'task_and_finish', 'review')),
	CONSTRAINT "inquiries_status_check" CHECK("inquiries"."status" in ('planned', 'active', 'reported', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiries_committee_slug_unique` ON `inquiries` (`committee_id`,`slug`);--> statement-breakpoint
CREATE INDEX `inquiries_status_idx` ON `inquiries` (`status`);--> statement-breakpoint
CREATE TABLE `work_programme_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`committee_id` integer NOT NULL,
	`topic` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`lead_presenters` text DEFAULT '' NOT NULL,
	`contributors` text DEFAULT '' NOT NULL,
	`planned_meeting_id` integer,
	`status` text DEFAULT 'proposed' NOT NULL,
	`agenda_item_id` integer,
	`inquiry_id` integer,
	`note` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`planned_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "work_programme_status_check" CHECK("work_programme_entries"."status" in ('proposed', 'scheduled', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `work_programme_committee_idx` ON `work_programme_entries` (`committee_id`,`status`,`position`);--> statement-breakpoint
CREATE INDEX `work_programme_meeting_idx` ON `work_programme_entries` (`planned_meeting_id`);--> statement-breakpoint
CREATE INDEX `work_programme_inquiry_idx` ON `work_programme_entries` (`inquiry_id`);