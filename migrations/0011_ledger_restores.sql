CREATE TABLE `ledger_restores` (
	`id` integer PRIMARY KEY NOT NULL,
	`restored_at` text NOT NULL,
	`restored_by_name` text NOT NULL,
	`from_file` text NOT NULL,
	`backup_made_at` text NOT NULL,
	`kept_aside_path` text NOT NULL
);
