-- Section and tag pages that cost the same at any archive size (issue 15). drizzle-kit wrote the
-- columns and the index; the backfill and the triggers are hand-written, since drizzle-kit models
-- neither. Triggers rather than application code, so every writer keeps them right: the
-- newsroom, the API, imports, cron and anyone with a SQL shell.
ALTER TABLE `article_tags` ADD `status` text;--> statement-breakpoint
ALTER TABLE `article_tags` ADD `published_at` integer;--> statement-breakpoint
ALTER TABLE `categories` ADD `published_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tags` ADD `published_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill in bulk, before the index exists, so that the index is built once rather than row by row.
-- The articles' three columns come from a covering index, not from the rows with their bodies,
-- sorted by id so that article_tags is updated in its own order, each page once.
WITH a AS MATERIALIZED (SELECT `id`, `status`, `published_at` FROM `articles`
	INDEXED BY `articles_status_published_idx` WHERE `status` IS NOT NULL ORDER BY `id`)
UPDATE `article_tags` SET `status` = a.`status`, `published_at` = a.`published_at`
	FROM a WHERE a.`id` = `article_tags`.`article_id`;--> statement-breakpoint
CREATE INDEX `article_tags_tag_status_published_idx` ON `article_tags` (`tag_id`,`status`,`published_at`,`article_id`);--> statement-breakpoint
UPDATE `categories` SET `published_count` = (SELECT count(*) FROM `articles`
	WHERE `articles`.`category_id` = `categories`.`id` AND `articles`.`status` = 'published');--> statement-breakpoint
UPDATE `tags` SET `published_count` = (SELECT count(*) FROM `article_tags`
	WHERE `article_tags`.`tag_id` = `tags`.`id` AND `article_tags`.`status` = 'published');--> statement-breakpoint
-- A category counts its published articles: one entering or leaving 'published', changing
-- category, or being deleted moves the counts.
CREATE TRIGGER `categories_count_after_article_insert` AFTER INSERT ON `articles`
WHEN new.status = 'published' BEGIN
	UPDATE categories SET published_count = published_count + 1 WHERE id = new.category_id;
END;--> statement-breakpoint
CREATE TRIGGER `categories_count_after_article_update` AFTER UPDATE OF status, category_id ON `articles`
WHEN (old.status IS 'published') <> (new.status IS 'published')
	OR (new.status IS 'published' AND old.category_id <> new.category_id) BEGIN
	UPDATE categories SET published_count = published_count - 1
		WHERE id = old.category_id AND old.status IS 'published';
	UPDATE categories SET published_count = published_count + 1
		WHERE id = new.category_id AND new.status IS 'published';
END;--> statement-breakpoint
CREATE TRIGGER `categories_count_after_article_delete` AFTER DELETE ON `articles`
WHEN old.status = 'published' BEGIN
	UPDATE categories SET published_count = published_count - 1 WHERE id = old.category_id;
END;--> statement-breakpoint
-- article_tags copies its article's status and published_at, whatever the writer put there.
-- The copy's update fires the count trigger below for any difference from what was inserted, so
-- the insert itself counts only the row as inserted.
CREATE TRIGGER `article_tags_after_insert` AFTER INSERT ON `article_tags` BEGIN
	UPDATE tags SET published_count = published_count + 1
		WHERE id = new.tag_id AND new.status IS 'published';
	UPDATE article_tags
		SET status = (SELECT status FROM articles WHERE id = new.article_id),
			published_at = (SELECT published_at FROM articles WHERE id = new.article_id)
		WHERE article_id = new.article_id AND tag_id = new.tag_id;
END;--> statement-breakpoint
CREATE TRIGGER `article_tags_after_article_update` AFTER UPDATE OF status, published_at ON `articles`
WHEN old.status IS NOT new.status OR old.published_at IS NOT new.published_at BEGIN
	UPDATE article_tags SET status = new.status, published_at = new.published_at
		WHERE article_id = new.id;
END;--> statement-breakpoint
-- Without foreign keys enforced nothing would cascade; with them, this finds nothing left.
CREATE TRIGGER `article_tags_after_article_delete` AFTER DELETE ON `articles` BEGIN
	DELETE FROM article_tags WHERE article_id = old.id;
END;--> statement-breakpoint
-- A tag counts the published articles it is on.
CREATE TRIGGER `tags_count_after_article_tag_update` AFTER UPDATE OF status, tag_id ON `article_tags`
WHEN (old.status IS 'published') <> (new.status IS 'published') OR old.tag_id <> new.tag_id BEGIN
	UPDATE tags SET published_count = published_count - 1
		WHERE id = old.tag_id AND old.status IS 'published';
	UPDATE tags SET published_count = published_count + 1
		WHERE id = new.tag_id AND new.status IS 'published';
END;--> statement-breakpoint
CREATE TRIGGER `tags_count_after_article_tag_delete` AFTER DELETE ON `article_tags`
WHEN old.status = 'published' BEGIN
	UPDATE tags SET published_count = published_count - 1 WHERE id = old.tag_id;
END;
