-- A published agenda version is a record: what it froze (its snapshot, its
-- meeting, number, date and reasons) never changes. Only its pack (being
-- built, built, failed) moves on. Pages read each snapshot once and keep it.
CREATE TRIGGER `agenda_versions_frozen` BEFORE UPDATE ON `agenda_versions`
WHEN NEW.`snapshot` IS NOT OLD.`snapshot`
  OR NEW.`meeting_id` IS NOT OLD.`meeting_id`
  OR NEW.`version` IS NOT OLD.`version`
  OR NEW.`published_at` IS NOT OLD.`published_at`
  OR NEW.`change_summary` IS NOT OLD.`change_summary`
  OR NEW.`late_reason` IS NOT OLD.`late_reason`
BEGIN
  SELECT RAISE(ABORT, 'agenda_versions: a published version cannot be changed');
END;
