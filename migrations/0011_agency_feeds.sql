CREATE TABLE `agency_feed_items` (
	`source` text NOT NULL,
	`item_key` text NOT NULL,
	`article_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`source`, `item_key`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `agency_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`category_id` integer NOT NULL,
	`byline` text DEFAULT '' NOT NULL,
	`mode` text DEFAULT 'draft' NOT NULL,
	`created_by` integer,
	`etag` text,
	`last_modified` text,
	`last_polled_at` integer,
	`last_succeeded_at` integer,
	`failure_count` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_feeds_url_unique` ON `agency_feeds` (`url`);--> statement-breakpoint
CREATE INDEX `agency_feeds_next_attempt_idx` ON `agency_feeds` (`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `articles` ADD `canonical_url` text;