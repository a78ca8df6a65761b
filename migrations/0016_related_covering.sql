-- Related news reads no article row (issue 15): on a cold million-article archive each candidate's
-- row, even its head with title and summary, was a random read across a 12 GB file, and each tag
-- neighbour's article_tags row a read for its language. Both now come off these two indexes.
DROP INDEX `article_tags_tag_idx`;--> statement-breakpoint
CREATE INDEX `article_tags_tag_idx` ON `article_tags` (`tag_id`,`article_id`,`language`);--> statement-breakpoint
DROP INDEX `articles_related_meta_idx`;--> statement-breakpoint
CREATE INDEX `articles_related_meta_idx` ON `articles` (`id`,`status`,`category_id`,`published_at`,`updated_at`,`language`,`title`,`summary`);