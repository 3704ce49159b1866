CREATE TABLE `audit_head` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_id` integer NOT NULL,
	`last_hash` text NOT NULL,
	`rows` integer NOT NULL,
	`keyed_from` integer NOT NULL,
	`mac` text NOT NULL
);
