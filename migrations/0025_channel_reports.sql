-- 进销存动态 (schema/channel-reports.ts): the offices' weekly and monthly reports of their channel customers'
-- stock, one in force per office, kind and period (corrections after review as new versions), with when each
-- reached the branch; and the permissions to read, import and review them.
CREATE TABLE `channel_report_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`row_no` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`goods_id` integer NOT NULL,
	`unit_name` text NOT NULL,
	`opening` integer NOT NULL,
	`purchases` integer NOT NULL,
	`closing` integer NOT NULL,
	`in_transit` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `channel_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_report_lines_key` ON `channel_report_lines` (`report_id`,`customer_id`,`goods_id`);--> statement-breakpoint
CREATE INDEX `channel_report_lines_customer` ON `channel_report_lines` (`customer_id`,`goods_id`);--> statement-breakpoint
CREATE TABLE `channel_report_receipts` (
	`office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period_start` text NOT NULL,
	`received_local` text NOT NULL,
	`recorded_by_name` text NOT NULL,
	PRIMARY KEY(`office_id`, `kind`, `period_start`),
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `channel_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`file_name` text NOT NULL,
	`received_local` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_local` text NOT NULL,
	`first_imported_local` text NOT NULL,
	`imported_by_name` text NOT NULL,
	`reviewed_local` text,
	`reviewed_by_name` text,
	`lines` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_reports_uid_unique` ON `channel_reports` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `channel_reports_version` ON `channel_reports` (`office_id`,`kind`,`period_start`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `channel_reports_in_force` ON `channel_reports` (`office_id`,`kind`,`period_start`) WHERE "channel_reports"."status" <> 'superseded';--> statement-breakpoint
CREATE INDEX `channel_reports_period` ON `channel_reports` (`kind`,`period_start`);--> statement-breakpoint
UPDATE `roles` SET `permissions` = json_insert(`permissions`, '$[#]', 'channel.view') WHERE `code` IN ('manager', 'salesperson', 'accountant') AND `shipped` = 1;--> statement-breakpoint
UPDATE `roles` SET `permissions` = json_insert(`permissions`, '$[#]', 'channel.view', '$[#]', 'channel.import', '$[#]', 'channel.review') WHERE `code` = 'clerk' AND `shipped` = 1;
