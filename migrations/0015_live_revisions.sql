CREATE TABLE `live_removals` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`article_id` integer NOT NULL,
	`revision` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `live_blogs`(`article_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_removals_article_idx` ON `live_removals` (`article_id`,`revision`);--> statement-breakpoint
ALTER TABLE `live_blogs` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `live_updates` ADD `added_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `live_updates` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing cursors are update ids: starting each revision at its id keeps every open tab's cursor valid.
UPDATE `live_updates` SET `added_revision` = `id`, `revision` = `id`;
--> statement-breakpoint
UPDATE `live_blogs` SET `revision` = coalesce((SELECT max(`id`) FROM `live_updates` WHERE `article_id` = `live_blogs`.`article_id`), 0);
--> statement-breakpoint
-- Every write path (desk, seed, import) moves the cursor the same way, so none can forget to.
CREATE TRIGGER `live_updates_after_insert` AFTER INSERT ON `live_updates` BEGIN
	UPDATE live_blogs SET revision = revision + 1 WHERE article_id = new.article_id;
	UPDATE live_updates SET added_revision = (SELECT revision FROM live_blogs WHERE article_id = new.article_id), revision = (SELECT revision FROM live_blogs WHERE article_id = new.article_id) WHERE id = new.id;
END;
--> statement-breakpoint
-- Only what readers see counts as a change; the revision columns themselves do not re-fire it.
CREATE TRIGGER `live_updates_after_update` AFTER UPDATE OF body_md, body_html, image_url, image_alt, key_event, pinned ON `live_updates` BEGIN
	UPDATE live_blogs SET revision = revision + 1 WHERE article_id = new.article_id;
	UPDATE live_updates SET revision = (SELECT revision FROM live_blogs WHERE article_id = new.article_id) WHERE id = new.id;
END;
--> statement-breakpoint
-- A deleted update leaves a tombstone; when the whole coverage goes (cascade) there is no blog row left to select, so none.
CREATE TRIGGER `live_updates_after_delete` AFTER DELETE ON `live_updates` BEGIN
	UPDATE live_blogs SET revision = revision + 1 WHERE article_id = old.article_id;
	INSERT OR REPLACE INTO live_removals (update_id, article_id, revision) SELECT old.id, old.article_id, revision FROM live_blogs WHERE article_id = old.article_id;
END;
