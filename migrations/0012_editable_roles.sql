CREATE TABLE `roles` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`permissions` text NOT NULL,
	`warehouse_scope` text NOT NULL,
	`shipped` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_code_unique` ON `roles` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `roles_name_unique` ON `roles` (`name`);--> statement-breakpoint
-- Any update that leaves the version as it was adds one (edit-version.ts; as migration 0010 does for master data).
CREATE TRIGGER `roles_version` AFTER UPDATE ON `roles` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `roles` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
