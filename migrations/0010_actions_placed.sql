ALTER TABLE `actions` ADD `meeting_id` integer;--> statement-breakpoint
ALTER TABLE `actions` ADD `committee_id` integer;--> statement-breakpoint
UPDATE `actions` SET
	`meeting_id` = (SELECT ai.`meeting_id` FROM `agenda_items` ai WHERE ai.`id` = `actions`.`agenda_item_id`),
	`committee_id` = (SELECT m.`committee_id` FROM `agenda_items` ai JOIN `meetings` m ON m.`id` = ai.`meeting_id` WHERE ai.`id` = `actions`.`agenda_item_id`);--> statement-breakpoint
CREATE TRIGGER `actions_placed_on_insert` AFTER INSERT ON `actions`
BEGIN
	UPDATE `actions` SET
		`meeting_id` = (SELECT ai.`meeting_id` FROM `agenda_items` ai WHERE ai.`id` = NEW.`agenda_item_id`),
		`committee_id` = (SELECT m.`committee_id` FROM `agenda_items` ai JOIN `meetings` m ON m.`id` = ai.`meeting_id` WHERE ai.`id` = NEW.`agenda_item_id`)
	WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `actions_placed_on_move` AFTER UPDATE OF `agenda_item_id` ON `actions`
BEGIN
	UPDATE `actions` SET
		`meeting_id` = (SELECT ai.`meeting_id` FROM `agenda_items` ai WHERE ai.`id` = NEW.`agenda_item_id`),
		`committee_id` = (SELECT m.`committee_id` FROM `agenda_items` ai JOIN `meetings` m ON m.`id` = ai.`meeting_id` WHERE ai.`id` = NEW.`agenda_item_id`)
	WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE INDEX `actions_committee_idx` ON `actions` (`committee_id`,`status`,`due_date`,`published_at`);--> statement-breakpoint
CREATE INDEX `actions_due_order_idx` ON `actions` (coalesce(`due_date`, '9999-12-31'),`id`);
--> statement-breakpoint
CREATE INDEX `actions_committee_due_order_idx` ON `actions` (`committee_id`,coalesce(`due_date`, '9999-12-31'),`id`);--> statement-breakpoint
UPDATE `actions` SET `published_at` = NULL
	WHERE `agenda_item_id` IN (SELECT `id` FROM `agenda_items` WHERE `exempt_paragraph` IS NOT NULL);--> statement-breakpoint
CREATE TRIGGER `actions_unpublished_when_exempt` AFTER UPDATE OF `exempt_paragraph` ON `agenda_items`
WHEN NEW.`exempt_paragraph` IS NOT NULL
BEGIN
	UPDATE `actions` SET `published_at` = NULL WHERE `agenda_item_id` = NEW.`id`;
END;
