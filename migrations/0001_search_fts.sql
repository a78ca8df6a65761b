-- Full-text search over articles, hand-written because drizzle-kit does not model FTS5.
-- External content: the index stores tokens only and reads the text back from `articles`.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
	title, summary, body_md,
	content='articles', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `articles_fts_after_insert` AFTER INSERT ON `articles` BEGIN
	INSERT INTO articles_fts(rowid, title, summary, body_md) VALUES (new.id, new.title, new.summary, new.body_md);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_after_delete` AFTER DELETE ON `articles` BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, summary, body_md) VALUES ('delete', old.id, old.title, old.summary, old.body_md);
END;
--> statement-breakpoint
-- Only a change to indexed text touches the index; status and timestamp updates are free.
CREATE TRIGGER `articles_fts_after_update` AFTER UPDATE OF title, summary, body_md ON `articles` BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, summary, body_md) VALUES ('delete', old.id, old.title, old.summary, old.body_md);
	INSERT INTO articles_fts(rowid, title, summary, body_md) VALUES (new.id, new.title, new.summary, new.body_md);
END;
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
