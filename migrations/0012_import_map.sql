CREATE TABLE `import_map` (
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`target_id` integer NOT NULL,
	`content_hash` text DEFAULT '' NOT NULL,
	`imported_at` integer NOT NULL,
	PRIMARY KEY(`source`, `kind`, `source_id`)
);
--> statement-breakpoint
CREATE TABLE `legacy_paths` (
	`path` text PRIMARY KEY NOT NULL,
	`target_kind` text NOT NULL,
	`target_id` integer,
	`target_path` text,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
