-- 年度协议 (schema/contracts.ts): contracts with their signed volumes, steps, amendments, attachments and rebate
-- settlements; the offices' signing tables; the working-day calendar deadlines count by.
CREATE TABLE `contract_amendments` (
	`id` integer PRIMARY KEY NOT NULL,
	`contract_id` integer NOT NULL,
	`amendment_no` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`body` text NOT NULL,
	`replaced` text,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`approved_by_name` text,
	`approved_at` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_amendments_no` ON `contract_amendments` (`contract_id`,`amendment_no`);--> statement-breakpoint
CREATE TABLE `contract_attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`contract_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`added_by_name` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_attachments_contract` ON `contract_attachments` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`contract_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_events_contract` ON `contract_events` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`contract_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`goods_id` integer,
	`category_id` integer,
	`unit_name` text NOT NULL,
	`month` text,
	`quantity` integer NOT NULL,
	`agreed_price` integer,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `goods_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_lines_no` ON `contract_lines` (`contract_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `contract_lines_goods` ON `contract_lines` (`goods_id`);--> statement-breakpoint
CREATE TABLE `contract_settlement_lines` (
	`settlement_id` integer NOT NULL,
	`document_line_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`amount` integer NOT NULL,
	`rebate` integer NOT NULL,
	PRIMARY KEY(`settlement_id`, `document_line_id`),
	FOREIGN KEY (`settlement_id`) REFERENCES `contract_settlements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_line_id`) REFERENCES `document_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_settlement_lines_line` ON `contract_settlement_lines` (`document_line_id`);--> statement-breakpoint
CREATE TABLE `contract_settlements` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`contract_id` integer NOT NULL,
	`kind` text NOT NULL,
	`through_date` text NOT NULL,
	`earned` integer NOT NULL,
	`paid_before` integer NOT NULL,
	`amount` integer NOT NULL,
	`payout` text NOT NULL,
	`document_id` integer,
	`reversed` integer DEFAULT false NOT NULL,
	`reversed_by_name` text,
	`reversed_at` text,
	`reverse_reason` text,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contract_settlements_uid_unique` ON `contract_settlements` (`uid`);--> statement-breakpoint
CREATE INDEX `contract_settlements_contract` ON `contract_settlements` (`contract_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contract_settlements_final` ON `contract_settlements` (`contract_id`) WHERE "contract_settlements"."kind" = 'final' AND "contract_settlements"."reversed" = 0;--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`channel_tier` text,
	`office_id` integer,
	`salesperson_id` integer,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`signed_on` text,
	`status` text NOT NULL,
	`terms` text DEFAULT '' NOT NULL,
	`rebate_terms` text NOT NULL,
	`amendment_no` integer DEFAULT 0 NOT NULL,
	`signing_table_id` integer,
	`remark` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`salesperson_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signing_table_id`) REFERENCES `signing_tables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_uid_unique` ON `contracts` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_number_unique` ON `contracts` (`number`);--> statement-breakpoint
CREATE INDEX `contracts_counterparty` ON `contracts` (`counterparty_id`,`period_start`);--> statement-breakpoint
CREATE INDEX `contracts_office` ON `contracts` (`office_id`,`period_start`);--> statement-breakpoint
CREATE TABLE `signing_tables` (
	`id` integer PRIMARY KEY NOT NULL,
	`office_id` integer NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`signed_on` text,
	`received_on` text,
	`imported_at` text,
	`imported_on` text,
	`file_name` text,
	`contracts` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signing_tables_office_year` ON `signing_tables` (`office_id`,`year`,`kind`);--> statement-breakpoint
CREATE TABLE `work_calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`is_workday` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL
);--> statement-breakpoint
-- As on the master data (0010): a write that did not raise the version raises it, so no save can skip the
-- stale-save check.
CREATE TRIGGER `contracts_version` AFTER UPDATE ON `contracts` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `contracts` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- The shipped roles of a branch set up before contracts get what domain/access/roles.ts now gives them.
UPDATE `roles` SET `permissions` = json_insert(`permissions`, '$[#]', 'contracts.view', '$[#]', 'contracts.approve') WHERE `code` = 'manager' AND `shipped` = 1;--> statement-breakpoint
UPDATE `roles` SET `permissions` = json_insert(`permissions`, '$[#]', 'contracts.view', '$[#]', 'contracts.edit') WHERE `code` IN ('clerk', 'salesperson') AND `shipped` = 1;--> statement-breakpoint
UPDATE `roles` SET `permissions` = json_insert(`permissions`, '$[#]', 'contracts.view', '$[#]', 'contracts.settle') WHERE `code` = 'accountant' AND `shipped` = 1;
--> statement-breakpoint
-- The upload's contracts section reads these tables (0020): their writes are counted, so a build skips the
-- section when none changed.
INSERT OR IGNORE INTO `upload_table_versions` (`table_name`, `version`) VALUES ('contracts', 0), ('contract_lines', 0), ('contract_settlements', 0);
--> statement-breakpoint
CREATE TRIGGER `contracts_upload_version_insert` AFTER INSERT ON `contracts`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contracts';
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_upload_version_update` AFTER UPDATE ON `contracts`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contracts';
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_upload_version_delete` AFTER DELETE ON `contracts`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contracts';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_lines_upload_version_insert` AFTER INSERT ON `contract_lines`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_lines';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_lines_upload_version_update` AFTER UPDATE ON `contract_lines`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_lines';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_lines_upload_version_delete` AFTER DELETE ON `contract_lines`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_lines';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_settlements_upload_version_insert` AFTER INSERT ON `contract_settlements`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_settlements';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_settlements_upload_version_update` AFTER UPDATE ON `contract_settlements`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_settlements';
END;
--> statement-breakpoint
CREATE TRIGGER `contract_settlements_upload_version_delete` AFTER DELETE ON `contract_settlements`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'contract_settlements';
END;
