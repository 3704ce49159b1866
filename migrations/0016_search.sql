CREATE TABLE `document_pages` (
	`document_id` integer NOT NULL,
	`page` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`document_id`, `page`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "document_pages_page_check" CHECK("document_pages"."page" >= 1)
);
--> statement-breakpoint
CREATE TABLE `search_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit` text NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`committee_id` integer NOT NULL,
	`meeting_id` integer,
	`on_date` text,
	`url` text NOT NULL,
	`marker` text,
	FOREIGN KEY (`committee_id`) REFERENCES `committees`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "search_entries_scope_check" CHECK("search_entries"."scope" in ('public', 'restricted'))
);
--> statement-breakpoint
CREATE INDEX `search_entries_unit_idx` ON `search_entries` (`unit`);--> statement-breakpoint
CREATE INDEX `search_entries_committee_idx` ON `search_entries` (`committee_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `search_stale` (
	`unit` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `text_pages` integer;--> statement-breakpoint
-- Hand-written from here: the two full-text indexes (their rowid is search_entries.id), and triggers that
-- mark a meeting or a recommendation stale whenever anything it shows is written, so search never reads old text.
CREATE VIRTUAL TABLE `search_public` USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_restricted` USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_stale_meetings_insert` AFTER INSERT ON `meetings` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_meetings_update` AFTER UPDATE ON `meetings` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.id AS unit UNION SELECT 'meeting:' || NEW.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_meetings_delete` AFTER DELETE ON `meetings` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_items_insert` AFTER INSERT ON `agenda_items` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_items_update` AFTER UPDATE ON `agenda_items` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT 'recommendation:' || id FROM recommendations WHERE agenda_item_id = NEW.id; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_items_delete` AFTER DELETE ON `agenda_items` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT 'recommendation:' || id FROM recommendations WHERE agenda_item_id = OLD.id; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_versions_insert` AFTER INSERT ON `agenda_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_versions_update` AFTER UPDATE ON `agenda_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_agenda_versions_delete` AFTER DELETE ON `agenda_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_versions_insert` AFTER INSERT ON `minutes_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_versions_update` AFTER UPDATE ON `minutes_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_versions_delete` AFTER DELETE ON `minutes_versions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_amendments_insert` AFTER INSERT ON `minutes_amendments` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_amendments_update` AFTER UPDATE ON `minutes_amendments` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_minutes_amendments_delete` AFTER DELETE ON `minutes_amendments` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_public_questions_insert` AFTER INSERT ON `public_questions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_public_questions_update` AFTER UPDATE ON `public_questions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_public_questions_delete` AFTER DELETE ON `public_questions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_documents_insert` AFTER INSERT ON `documents` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_documents_update` AFTER UPDATE ON `documents` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit UNION SELECT 'meeting:' || NEW.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_documents_delete` AFTER DELETE ON `documents` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || OLD.meeting_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_resolutions_insert` AFTER INSERT ON `resolutions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = NEW.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_resolutions_update` AFTER UPDATE ON `resolutions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = OLD.agenda_item_id) AS unit UNION SELECT 'meeting:' || (select meeting_id from agenda_items where id = NEW.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_resolutions_delete` AFTER DELETE ON `resolutions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = OLD.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_actions_insert` AFTER INSERT ON `actions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = NEW.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_actions_update` AFTER UPDATE ON `actions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = OLD.agenda_item_id) AS unit UNION SELECT 'meeting:' || (select meeting_id from agenda_items where id = NEW.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_actions_delete` AFTER DELETE ON `actions` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from agenda_items where id = OLD.agenda_item_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_action_updates_insert` AFTER INSERT ON `action_updates` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select i.meeting_id from actions a join agenda_items i on i.id = a.agenda_item_id where a.id = NEW.action_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_action_updates_update` AFTER UPDATE ON `action_updates` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select i.meeting_id from actions a join agenda_items i on i.id = a.agenda_item_id where a.id = OLD.action_id) AS unit UNION SELECT 'meeting:' || (select i.meeting_id from actions a join agenda_items i on i.id = a.agenda_item_id where a.id = NEW.action_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_action_updates_delete` AFTER DELETE ON `action_updates` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select i.meeting_id from actions a join agenda_items i on i.id = a.agenda_item_id where a.id = OLD.action_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_document_pages_insert` AFTER INSERT ON `document_pages` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from documents where id = NEW.document_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_document_pages_update` AFTER UPDATE ON `document_pages` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from documents where id = OLD.document_id) AS unit UNION SELECT 'meeting:' || (select meeting_id from documents where id = NEW.document_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_document_pages_delete` AFTER DELETE ON `document_pages` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'meeting:' || (select meeting_id from documents where id = OLD.document_id) AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendations_insert` AFTER INSERT ON `recommendations` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || NEW.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendations_update` AFTER UPDATE ON `recommendations` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || OLD.id AS unit UNION SELECT 'recommendation:' || NEW.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendations_delete` AFTER DELETE ON `recommendations` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || OLD.id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendation_responses_insert` AFTER INSERT ON `recommendation_responses` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || NEW.recommendation_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendation_responses_update` AFTER UPDATE ON `recommendation_responses` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || OLD.recommendation_id AS unit UNION SELECT 'recommendation:' || NEW.recommendation_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
CREATE TRIGGER `search_stale_recommendation_responses_delete` AFTER DELETE ON `recommendation_responses` BEGIN INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT unit FROM (SELECT 'recommendation:' || OLD.recommendation_id AS unit) WHERE unit IS NOT NULL; END;
--> statement-breakpoint
-- Everything already recorded is indexed at the first search.
INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT 'meeting:' || id FROM meetings;
--> statement-breakpoint
INSERT OR IGNORE INTO `search_stale` (`unit`) SELECT 'recommendation:' || id FROM recommendations;
