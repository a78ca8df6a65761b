-- related_articles without foreign keys (issue 15): each inserted pick's two checks read its
-- articles' table pages, random reads across a 12 GB file on a cold million-article archive. The
-- table is rebuilt (SQLite cannot drop a constraint): its rows copied in one statement, in the
-- order they are stored, and the index built once afterwards. Migrations run with the checks off.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_related_articles` (
	`article_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`related_id` integer NOT NULL,
	`score` real NOT NULL,
	`reason` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`article_id`, `rank`)
);
--> statement-breakpoint
INSERT INTO `__new_related_articles`("article_id", "rank", "related_id", "score", "reason", "computed_at") SELECT "article_id", "rank", "related_id", "score", "reason", "computed_at" FROM `related_articles`;--> statement-breakpoint
DROP TABLE `related_articles`;--> statement-breakpoint
ALTER TABLE `__new_related_articles` RENAME TO `related_articles`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `related_articles_related_idx` ON `related_articles` (`related_id`);--> statement-breakpoint
-- The cascade the foreign keys gave: an article's rows go with it, as a list's owner and as a pick.
-- Readers join the picks to articles, so a pick written by a refresh that raced a delete shows
-- nothing; that list's next refresh replaces it.
CREATE TRIGGER `related_articles_after_article_delete` AFTER DELETE ON `articles` BEGIN
	DELETE FROM related_articles WHERE article_id = old.id;
	DELETE FROM related_articles WHERE related_id = old.id;
END;
