-- Editions (issue 20). drizzle-kit wrote the tables, columns and indexes; the backfill and the
-- triggers are hand-written, as in 0004: each edition's section and tag pages count their own
-- published articles, and article_tags copies its article's edition beside its status.
CREATE TABLE `category_editions` (
	`category_id` integer NOT NULL,
	`language` text NOT NULL,
	`name` text,
	`description` text,
	`published_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category_id`, `language`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tag_editions` (
	`tag_id` integer NOT NULL,
	`language` text NOT NULL,
	`name` text,
	`published_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tag_id`, `language`),
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `article_tags` ADD `language` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `translation_group` integer;--> statement-breakpoint
CREATE INDEX `articles_language_status_published_idx` ON `articles` (`language`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_category_language_status_published_idx` ON `articles` (`category_id`,`language`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_translation_group_idx` ON `articles` (`translation_group`);--> statement-breakpoint
-- Backfill before the index exists, so that it is built once (see 0004).
WITH a AS MATERIALIZED (SELECT `id`, `language` FROM `articles` ORDER BY `id`)
UPDATE `article_tags` SET `language` = a.`language` FROM a WHERE a.`id` = `article_tags`.`article_id`;--> statement-breakpoint
CREATE INDEX `article_tags_tag_language_status_published_idx` ON `article_tags` (`tag_id`,`language`,`status`,`published_at`,`article_id`);--> statement-breakpoint
INSERT INTO `category_editions` (`category_id`, `language`, `published_count`)
	SELECT `category_id`, `language`, count(*) FROM `articles` WHERE `status` = 'published'
	GROUP BY `category_id`, `language`;--> statement-breakpoint
INSERT INTO `tag_editions` (`tag_id`, `language`, `published_count`)
	SELECT `tag_id`, `language`, count(*) FROM `article_tags`
	WHERE `status` = 'published' AND `language` IS NOT NULL GROUP BY `tag_id`, `language`;--> statement-breakpoint
-- A section counts its published articles per edition: entering or leaving 'published', or moving
-- to another section or edition, moves the counts. The upsert keeps any translated name.
CREATE TRIGGER `category_editions_count_after_article_insert` AFTER INSERT ON `articles`
WHEN new.status = 'published' BEGIN
	INSERT INTO category_editions (category_id, language, published_count)
		VALUES (new.category_id, new.language, 1)
		ON CONFLICT (category_id, language) DO UPDATE SET published_count = published_count + 1;
END;--> statement-breakpoint
CREATE TRIGGER `category_editions_count_after_article_update`
AFTER UPDATE OF status, category_id, language ON `articles`
WHEN (old.status IS 'published') <> (new.status IS 'published')
	OR (new.status IS 'published'
		AND (old.category_id <> new.category_id OR old.language IS NOT new.language)) BEGIN
	UPDATE category_editions SET published_count = published_count - 1
		WHERE category_id = old.category_id AND language = old.language
			AND old.status IS 'published';
	INSERT INTO category_editions (category_id, language, published_count)
		SELECT new.category_id, new.language, 1 WHERE new.status IS 'published'
		ON CONFLICT (category_id, language) DO UPDATE SET published_count = published_count + 1;
END;--> statement-breakpoint
CREATE TRIGGER `category_editions_count_after_article_delete` AFTER DELETE ON `articles`
WHEN old.status = 'published' BEGIN
	UPDATE category_editions SET published_count = published_count - 1
		WHERE category_id = old.category_id AND language = old.language;
END;--> statement-breakpoint
-- article_tags now copies the edition too: the two copying triggers of 0004, with `language`.
DROP TRIGGER `article_tags_after_insert`;--> statement-breakpoint
CREATE TRIGGER `article_tags_after_insert` AFTER INSERT ON `article_tags` BEGIN
	UPDATE tags SET published_count = published_count + 1
		WHERE id = new.tag_id AND new.status IS 'published';
	UPDATE article_tags
		SET status = (SELECT status FROM articles WHERE id = new.article_id),
			published_at = (SELECT published_at FROM articles WHERE id = new.article_id),
			language = (SELECT language FROM articles WHERE id = new.article_id)
		WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;--> statement-breakpoint
DROP TRIGGER `article_tags_after_article_update`;--> statement-breakpoint
CREATE TRIGGER `article_tags_after_article_update`
AFTER UPDATE OF status, published_at, language ON `articles`
WHEN old.status IS NOT new.status OR old.published_at IS NOT new.published_at
	OR old.language IS NOT new.language BEGIN
	UPDATE article_tags SET status = new.status, published_at = new.published_at,
		language = new.language
		WHERE article_id = new.id;
END;--> statement-breakpoint
-- A tag counts, per edition, the published articles it is on. The insert counts the row as
-- inserted; the copy's update above then moves the count wherever the copy differs.
CREATE TRIGGER `tag_editions_count_after_article_tag_insert` AFTER INSERT ON `article_tags`
WHEN new.status IS 'published' AND new.language IS NOT NULL BEGIN
	INSERT INTO tag_editions (tag_id, language, published_count)
		VALUES (new.tag_id, new.language, 1)
		ON CONFLICT (tag_id, language) DO UPDATE SET published_count = published_count + 1;
END;--> statement-breakpoint
CREATE TRIGGER `tag_editions_count_after_article_tag_update`
AFTER UPDATE OF status, tag_id, language ON `article_tags`
WHEN (old.status IS 'published') <> (new.status IS 'published') OR old.tag_id <> new.tag_id
	OR old.language IS NOT new.language BEGIN
	UPDATE tag_editions SET published_count = published_count - 1
		WHERE tag_id = old.tag_id AND language = old.language AND old.status IS 'published';
	INSERT INTO tag_editions (tag_id, language, published_count)
		SELECT new.tag_id, new.language, 1
		WHERE new.status IS 'published' AND new.language IS NOT NULL
		ON CONFLICT (tag_id, language) DO UPDATE SET published_count = published_count + 1;
END;--> statement-breakpoint
CREATE TRIGGER `tag_editions_count_after_article_tag_delete` AFTER DELETE ON `article_tags`
WHEN old.status = 'published' AND old.language IS NOT NULL BEGIN
	UPDATE tag_editions SET published_count = published_count - 1
		WHERE tag_id = old.tag_id AND language = old.language;
END;
