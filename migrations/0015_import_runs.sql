CREATE TABLE `import_run_changes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` integer NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`file_name` text NOT NULL,
	`username` text NOT NULL,
	`status` text NOT NULL,
	`owner_pid` integer NOT NULL,
	`owner_host` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`undo_kept` text
);
