-- 打印模板 (schema/print-templates.ts): the branch's own templates and every saved version of each. No
-- version trigger as on the master data (0010): a template's version is its count of saved versions, and
-- marking another template the default is not a new version of this one.
CREATE TABLE `print_template_versions` (
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`saved_at` text NOT NULL,
	`saved_by` text NOT NULL,
	`note` text NOT NULL,
	PRIMARY KEY(`template_id`, `version`),
	FOREIGN KEY (`template_id`) REFERENCES `print_templates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `print_templates` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`name` text NOT NULL,
	`document_type` text,
	`is_default` integer DEFAULT false NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `print_templates_uid_unique` ON `print_templates` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `print_templates_name_unique` ON `print_templates` (`name`);--> statement-breakpoint
-- One default per document type, and one for every type (a null type).
CREATE UNIQUE INDEX `print_templates_one_default` ON `print_templates` (coalesce(`document_type`, '')) WHERE `is_default` = 1;
