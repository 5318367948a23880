CREATE TABLE `branch_profile` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`accounting_mode` text NOT NULL,
	`costing_scope` text NOT NULL,
	`default_costing_method` text NOT NULL,
	`allow_costing_method_override` integer NOT NULL,
	`negative_stock` text NOT NULL,
	`taxpayer_type` text NOT NULL,
	`quantity_decimals` integer NOT NULL,
	`price_decimals` integer NOT NULL,
	`approval_required` integer NOT NULL,
	`first_posted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "branch_profile_single_row" CHECK("branch_profile"."id" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branch_profile_uid_unique` ON `branch_profile` (`uid`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_login_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_uid_unique` ON `users` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_key` text,
	`before` text,
	`after` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_key`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`entity` text NOT NULL,
	`entity_uid` text NOT NULL,
	`operation` text NOT NULL,
	`payload` text NOT NULL,
	`package_seq` integer
);
--> statement-breakpoint
CREATE INDEX `change_log_unpackaged` ON `change_log` (`package_seq`);