CREATE TABLE `data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK("data_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 0);--> statement-breakpoint
-- Hand-written: every write to a table the public pages show raises the version, in the writing statement.
-- Not sessions, users, the audit trail, the outbox, reminders or links: nothing public shows them.
CREATE TRIGGER `data_version_action_owners_insert` AFTER INSERT ON `action_owners` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_action_owners_update` AFTER UPDATE ON `action_owners` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_action_owners_delete` AFTER DELETE ON `action_owners` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_action_updates_insert` AFTER INSERT ON `action_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_action_updates_update` AFTER UPDATE ON `action_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_action_updates_delete` AFTER DELETE ON `action_updates` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_actions_insert` AFTER INSERT ON `actions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_actions_update` AFTER UPDATE ON `actions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_actions_delete` AFTER DELETE ON `actions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_item_presenters_insert` AFTER INSERT ON `agenda_item_presenters` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_item_presenters_update` AFTER UPDATE ON `agenda_item_presenters` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_item_presenters_delete` AFTER DELETE ON `agenda_item_presenters` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_items_insert` AFTER INSERT ON `agenda_items` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_items_update` AFTER UPDATE ON `agenda_items` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_items_delete` AFTER DELETE ON `agenda_items` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_versions_insert` AFTER INSERT ON `agenda_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_versions_update` AFTER UPDATE ON `agenda_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_agenda_versions_delete` AFTER DELETE ON `agenda_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_attendance_insert` AFTER INSERT ON `attendance` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_attendance_update` AFTER UPDATE ON `attendance` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_attendance_delete` AFTER DELETE ON `attendance` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_committees_insert` AFTER INSERT ON `committees` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_committees_update` AFTER UPDATE ON `committees` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_committees_delete` AFTER DELETE ON `committees` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_declarations_insert` AFTER INSERT ON `declarations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_declarations_update` AFTER UPDATE ON `declarations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_declarations_delete` AFTER DELETE ON `declarations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_documents_insert` AFTER INSERT ON `documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_documents_update` AFTER UPDATE ON `documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_documents_delete` AFTER DELETE ON `documents` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiries_insert` AFTER INSERT ON `inquiries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiries_update` AFTER UPDATE ON `inquiries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiries_delete` AFTER DELETE ON `inquiries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_members_insert` AFTER INSERT ON `inquiry_members` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_members_update` AFTER UPDATE ON `inquiry_members` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_members_delete` AFTER DELETE ON `inquiry_members` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_sessions_insert` AFTER INSERT ON `inquiry_sessions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_sessions_update` AFTER UPDATE ON `inquiry_sessions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_inquiry_sessions_delete` AFTER DELETE ON `inquiry_sessions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_update` AFTER UPDATE ON `meetings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_meetings_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_memberships_insert` AFTER INSERT ON `memberships` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_memberships_update` AFTER UPDATE ON `memberships` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_memberships_delete` AFTER DELETE ON `memberships` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_amendments_insert` AFTER INSERT ON `minutes_amendments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_amendments_update` AFTER UPDATE ON `minutes_amendments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_amendments_delete` AFTER DELETE ON `minutes_amendments` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_versions_insert` AFTER INSERT ON `minutes_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_versions_update` AFTER UPDATE ON `minutes_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_minutes_versions_delete` AFTER DELETE ON `minutes_versions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_organisations_insert` AFTER INSERT ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_organisations_update` AFTER UPDATE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_organisations_delete` AFTER DELETE ON `organisations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_people_insert` AFTER INSERT ON `people` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_people_update` AFTER UPDATE ON `people` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_people_delete` AFTER DELETE ON `people` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_public_questions_insert` AFTER INSERT ON `public_questions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_public_questions_update` AFTER UPDATE ON `public_questions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_public_questions_delete` AFTER DELETE ON `public_questions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_responses_insert` AFTER INSERT ON `recommendation_responses` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_responses_update` AFTER UPDATE ON `recommendation_responses` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_responses_delete` AFTER DELETE ON `recommendation_responses` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_target_changes_insert` AFTER INSERT ON `recommendation_target_changes` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_target_changes_update` AFTER UPDATE ON `recommendation_target_changes` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendation_target_changes_delete` AFTER DELETE ON `recommendation_target_changes` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendations_insert` AFTER INSERT ON `recommendations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendations_update` AFTER UPDATE ON `recommendations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_recommendations_delete` AFTER DELETE ON `recommendations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_resolutions_insert` AFTER INSERT ON `resolutions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_resolutions_update` AFTER UPDATE ON `resolutions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_resolutions_delete` AFTER DELETE ON `resolutions` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_work_programme_entries_insert` AFTER INSERT ON `work_programme_entries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_work_programme_entries_update` AFTER UPDATE ON `work_programme_entries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_version_work_programme_entries_delete` AFTER DELETE ON `work_programme_entries` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
