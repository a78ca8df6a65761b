ALTER TABLE `article_revisions` ADD `slug` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `category_id` integer REFERENCES categories(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `byline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `tag_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `image_url` text;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `image_alt` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `image_width` integer;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `image_height` integer;--> statement-breakpoint
ALTER TABLE `article_revisions` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_login_at` integer;