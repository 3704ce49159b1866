DROP TABLE `recommendation_reviews`;--> statement-breakpoint
ALTER TABLE `recommendation_responses` DROP COLUMN `target_date`;