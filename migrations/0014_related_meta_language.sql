-- Related news stays within an edition: the pool's targets read their language from the narrow
-- index, as they read everything else scoring needs (see articles_related_meta_idx in schema.ts).
DROP INDEX `articles_related_meta_idx`;--> statement-breakpoint
CREATE INDEX `articles_related_meta_idx` ON `articles` (`id`,`status`,`category_id`,`published_at`,`updated_at`,`language`);