CREATE TABLE `login_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`allowance` integer NOT NULL,
	`level` real NOT NULL,
	`updated_at` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_throttles_expires_idx` ON `login_throttles` (`expires_at`);