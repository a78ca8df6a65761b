-- Authors (with article_authors in byline order), static pages with revisions and a footer order,
-- and dated corrections (issue 18). source/source_id/source_slug let a WordPress or Ghost import fill them.
CREATE TABLE `article_authors` (
	`article_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`article_id`, `author_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `article_authors_author_idx` ON `article_authors` (`author_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `authors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`job_title` text DEFAULT '' NOT NULL,
	`bio_md` text DEFAULT '' NOT NULL,
	`bio_html` text DEFAULT '' NOT NULL,
	`photo_url` text,
	`photo_media_id` integer,
	`photo_alt` text DEFAULT '' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`user_id` integer,
	`source` text,
	`source_id` text,
	`source_slug` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authors_slug_unique` ON `authors` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `authors_userId_unique` ON `authors` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `authors_source_idx` ON `authors` (`source`,`source_id`);--> statement-breakpoint
CREATE TABLE `corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`kind` text DEFAULT 'correction' NOT NULL,
	`placement` text DEFAULT 'bottom' NOT NULL,
	`body_md` text NOT NULL,
	`body_html` text NOT NULL,
	`corrected_at` integer NOT NULL,
	`editor_id` integer,
	`source` text,
	`source_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `corrections_article_idx` ON `corrections` (`article_id`,`corrected_at`);--> statement-breakpoint
CREATE INDEX `corrections_corrected_idx` ON `corrections` (`corrected_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `corrections_source_idx` ON `corrections` (`source`,`source_id`);--> statement-breakpoint
CREATE TABLE `page_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body_md` text NOT NULL,
	`editor_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `page_revisions_page_idx` ON `page_revisions` (`page_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body_md` text DEFAULT '' NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`footer_position` integer,
	`language` text DEFAULT 'en' NOT NULL,
	`published_at` integer,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`source` text,
	`source_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_slug_unique` ON `pages` (`slug`);--> statement-breakpoint
CREATE INDEX `pages_footer_idx` ON `pages` (`footer_position`);--> statement-breakpoint
CREATE UNIQUE INDEX `pages_source_idx` ON `pages` (`source`,`source_id`);