CREATE TABLE `breaking_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`headline` text NOT NULL,
	`url` text NOT NULL,
	`expires_at` integer NOT NULL,
	`cleared_at` integer,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `breaking_alerts_expires_idx` ON `breaking_alerts` (`expires_at`);--> statement-breakpoint
CREATE TABLE `live_blogs` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `live_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`image_url` text,
	`image_alt` text DEFAULT '' NOT NULL,
	`key_event` integer DEFAULT false NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`author_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `live_blogs`(`article_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `live_updates_article_idx` ON `live_updates` (`article_id`,`id`);