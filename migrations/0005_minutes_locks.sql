-- Published minutes are a record: a version, once published, keeps what it
-- froze. The only change a version may take is its approval, once.
CREATE TRIGGER `minutes_versions_frozen` BEFORE UPDATE ON `minutes_versions`
WHEN NEW.`snapshot` IS NOT OLD.`snapshot`
  OR NEW.`meeting_id` IS NOT OLD.`meeting_id`
  OR NEW.`version` IS NOT OLD.`version`
  OR NEW.`published_at` IS NOT OLD.`published_at`
  OR NEW.`change_summary` IS NOT OLD.`change_summary`
  OR (OLD.`approved_at` IS NOT NULL AND (NEW.`approved_at` IS NOT OLD.`approved_at` OR NEW.`approving_resolution_id` IS NOT OLD.`approving_resolution_id`))
BEGIN
  SELECT RAISE(ABORT, 'minutes_versions: a published version cannot be changed, and an approval cannot be undone');
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_versions_no_delete` BEFORE DELETE ON `minutes_versions`
BEGIN
  SELECT RAISE(ABORT, 'minutes_versions: published minutes cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_amendments_no_update` BEFORE UPDATE ON `minutes_amendments`
BEGIN
  SELECT RAISE(ABORT, 'minutes_amendments is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_amendments_no_delete` BEFORE DELETE ON `minutes_amendments`
BEGIN
  SELECT RAISE(ABORT, 'minutes_amendments is append-only: rows cannot be deleted');
END;
--> statement-breakpoint
-- Approved minutes are locked: what they record cannot be edited in place.
CREATE TRIGGER `agenda_items_minute_locked` BEFORE UPDATE OF `minute_text` ON `agenda_items`
WHEN NEW.`minute_text` IS NOT OLD.`minute_text`
  AND (SELECT `minutes_status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'agenda_items: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_insert` BEFORE INSERT ON `attendance`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'attendance: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_update` BEFORE UPDATE ON `attendance`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'attendance: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_delete` BEFORE DELETE ON `attendance`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'attendance: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_locked_insert` BEFORE INSERT ON `declarations`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = NEW.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'declarations: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_locked_update` BEFORE UPDATE ON `declarations`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'declarations: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `declarations_locked_delete` BEFORE DELETE ON `declarations`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = OLD.`meeting_id`) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'declarations: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_locked_insert` BEFORE INSERT ON `resolutions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = NEW.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'resolutions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_locked_update` BEFORE UPDATE ON `resolutions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = OLD.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'resolutions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `resolutions_locked_delete` BEFORE DELETE ON `resolutions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = OLD.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'resolutions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `actions_locked_insert` BEFORE INSERT ON `actions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = NEW.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'actions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `actions_locked_update` BEFORE UPDATE OF `description`, `due_date`, `agenda_item_id`, `reference`, `position` ON `actions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = OLD.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'actions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `actions_locked_delete` BEFORE DELETE ON `actions`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `meeting_id` FROM `agenda_items` WHERE `id` = OLD.`agenda_item_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'actions: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `action_owners_locked_insert` BEFORE INSERT ON `action_owners`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `agenda_items`.`meeting_id` FROM `actions` JOIN `agenda_items` ON `agenda_items`.`id` = `actions`.`agenda_item_id` WHERE `actions`.`id` = NEW.`action_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'action_owners: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `action_owners_locked_update` BEFORE UPDATE ON `action_owners`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `agenda_items`.`meeting_id` FROM `actions` JOIN `agenda_items` ON `agenda_items`.`id` = `actions`.`agenda_item_id` WHERE `actions`.`id` = OLD.`action_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'action_owners: the minutes of this meeting are approved and locked');
END;
--> statement-breakpoint
CREATE TRIGGER `action_owners_locked_delete` BEFORE DELETE ON `action_owners`
WHEN (SELECT `minutes_status` FROM `meetings` WHERE `id` = (SELECT `agenda_items`.`meeting_id` FROM `actions` JOIN `agenda_items` ON `agenda_items`.`id` = `actions`.`agenda_item_id` WHERE `actions`.`id` = OLD.`action_id`)) = 'approved'
BEGIN
  SELECT RAISE(ABORT, 'action_owners: the minutes of this meeting are approved and locked');
END;
