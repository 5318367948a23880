CREATE TABLE `document_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_events_document` ON `document_events` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_lines` (
	`id` integer PRIMARY KEY NOT NULL,
	`document_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`goods_id` integer NOT NULL,
	`unit_name` text NOT NULL,
	`unit_ratio` integer NOT NULL,
	`quantity` integer NOT NULL,
	`base_quantity` integer NOT NULL,
	`book_base_quantity` integer,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`tax_rate` integer DEFAULT 0 NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`tax_amount` integer DEFAULT 0 NOT NULL,
	`amount_with_tax` integer DEFAULT 0 NOT NULL,
	`discount_amount` integer DEFAULT 0 NOT NULL,
	`warehouse_id` integer,
	`to_warehouse_id` integer,
	`lot` text DEFAULT '' NOT NULL,
	`production_date` text,
	`expiry_date` text,
	`is_gift` integer DEFAULT false NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`source_line_id` integer,
	`confirmed_base_quantity` integer,
	`confirmed_at` text,
	`confirmed_by_name` text,
	`received_at` text,
	`received_by_name` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_line_id`) REFERENCES `document_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_lines_no` ON `document_lines` (`document_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `document_lines_goods` ON `document_lines` (`goods_id`);--> statement-breakpoint
CREATE INDEX `document_lines_source` ON `document_lines` (`source_line_id`);--> statement-breakpoint
CREATE INDEX `document_lines_warehouse` ON `document_lines` (`warehouse_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`type` text NOT NULL,
	`number` text NOT NULL,
	`business_date` text NOT NULL,
	`status` text NOT NULL,
	`counterparty_id` integer,
	`office_id` integer,
	`handler_id` integer,
	`warehouse_id` integer,
	`to_warehouse_id` integer,
	`remark` text DEFAULT '' NOT NULL,
	`source_document_id` integer,
	`reversal_of_id` integer,
	`total_amount` integer DEFAULT 0 NOT NULL,
	`total_tax` integer DEFAULT 0 NOT NULL,
	`total_with_tax` integer DEFAULT 0 NOT NULL,
	`print_count` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`approved_by_name` text,
	`approved_at` text,
	`completed_at` text,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_of_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_uid_unique` ON `documents` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_unique` ON `documents` (`number`);--> statement-breakpoint
CREATE INDEX `documents_type_date` ON `documents` (`type`,`business_date`);--> statement-breakpoint
CREATE INDEX `documents_status` ON `documents` (`status`);--> statement-breakpoint
CREATE INDEX `documents_source` ON `documents` (`source_document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_reversal_of` ON `documents` (`reversal_of_id`);--> statement-breakpoint
CREATE TABLE `numbering_counters` (
	`document_type` text NOT NULL,
	`period` text NOT NULL,
	`last_sequence` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `numbering_counters_key` ON `numbering_counters` (`document_type`,`period`);--> statement-breakpoint
CREATE TABLE `numbering_rules` (
	`document_type` text PRIMARY KEY NOT NULL,
	`prefix` text NOT NULL,
	`date_part` text NOT NULL,
	`separator` text NOT NULL,
	`sequence_width` integer NOT NULL,
	`reset` text NOT NULL,
	`suffix` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `closing_balances` (
	`month` text NOT NULL,
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`lot` text NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	FOREIGN KEY (`month`) REFERENCES `month_closes`(`month`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closing_balances_key` ON `closing_balances` (`month`,`goods_id`,`warehouse_id`,`lot`);--> statement-breakpoint
CREATE TABLE `costing_checkpoints` (
	`month` text NOT NULL,
	`scope` text NOT NULL,
	`method` text NOT NULL,
	`state` text NOT NULL,
	PRIMARY KEY(`month`, `scope`),
	FOREIGN KEY (`month`) REFERENCES `month_closes`(`month`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `costing_states` (
	`scope` text PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`state` text NOT NULL,
	`last_date` text NOT NULL,
	`last_movement_id` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `month_closes` (
	`month` text PRIMARY KEY NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by_name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_balances` (
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`lot` text NOT NULL,
	`in_transit` integer NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	`expiry_date` text,
	PRIMARY KEY(`goods_id`, `warehouse_id`, `lot`, `in_transit`),
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY NOT NULL,
	`posting_date` text NOT NULL,
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`lot` text DEFAULT '' NOT NULL,
	`in_transit` integer DEFAULT false NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	`correction` integer DEFAULT 0 NOT NULL,
	`scope` text,
	`layer` text,
	`origin_movement_id` integer,
	`own_value` integer,
	`document_id` integer NOT NULL,
	`line_id` integer NOT NULL,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`origin_movement_id`) REFERENCES `stock_movements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `document_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_scope` ON `stock_movements` (`scope`,`posting_date`,`id`);--> statement-breakpoint
CREATE INDEX `stock_movements_goods` ON `stock_movements` (`goods_id`,`warehouse_id`,`posting_date`);--> statement-breakpoint
CREATE INDEX `stock_movements_date` ON `stock_movements` (`posting_date`);--> statement-breakpoint
CREATE INDEX `stock_movements_origin` ON `stock_movements` (`origin_movement_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_line` ON `stock_movements` (`line_id`);