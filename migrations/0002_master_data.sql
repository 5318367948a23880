CREATE TABLE `employees` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`office_id` integer,
	`phone` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`remark` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_uid_unique` ON `employees` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `employees_code_unique` ON `employees` (`code`);--> statement-breakpoint
CREATE INDEX `employees_name` ON `employees` (`name`);--> statement-breakpoint
CREATE INDEX `employees_office` ON `employees` (`office_id`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`remark` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`parent_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offices_uid_unique` ON `offices` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `offices_code_unique` ON `offices` (`code`);--> statement-breakpoint
CREATE INDEX `offices_name` ON `offices` (`name`);--> statement-breakpoint
CREATE TABLE `warehouse_keepers` (
	`warehouse_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`warehouse_id`, `user_id`),
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_uid_unique` ON `warehouses` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_code_unique` ON `warehouses` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `warehouses_name_unique` ON `warehouses` (`name`);--> statement-breakpoint
CREATE TABLE `goods` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`brand` text DEFAULT '' NOT NULL,
	`tax_rate` integer NOT NULL,
	`lot_tracked` integer DEFAULT false NOT NULL,
	`shelf_life_days` integer,
	`costing_method` text,
	`base_unit_indivisible` integer DEFAULT true NOT NULL,
	`default_purchase_unit` text,
	`default_sale_unit` text,
	`display_units` text,
	`remark` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`category_id`) REFERENCES `goods_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_uid_unique` ON `goods` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `goods_code_unique` ON `goods` (`code`);--> statement-breakpoint
CREATE INDEX `goods_category` ON `goods` (`category_id`);--> statement-breakpoint
CREATE INDEX `goods_name` ON `goods` (`name`);--> statement-breakpoint
CREATE TABLE `goods_categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `goods_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_categories_uid_unique` ON `goods_categories` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `goods_categories_path_unique` ON `goods_categories` (`path`);--> statement-breakpoint
CREATE INDEX `goods_categories_parent` ON `goods_categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `goods_stock_lines` (
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`lower` integer,
	`upper` integer,
	PRIMARY KEY(`goods_id`, `warehouse_id`),
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`warehouse_id`) REFERENCES `warehouses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `goods_units` (
	`id` integer PRIMARY KEY NOT NULL,
	`goods_id` integer NOT NULL,
	`name` text NOT NULL,
	`ratio` integer NOT NULL,
	`is_base` integer NOT NULL,
	`barcode` text,
	`purchase_price` integer,
	`sale_price` integer,
	`retail_price` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`goods_id`) REFERENCES `goods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goods_units_name` ON `goods_units` (`goods_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `goods_units_barcode` ON `goods_units` (`barcode`) WHERE "goods_units"."barcode" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `counterparties` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`channel_tier` text,
	`parent_id` integer,
	`office_id` integer,
	`salesperson_id` integer,
	`region` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`credit_limit` integer,
	`payment_term_days` integer,
	`invoice_title` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`bank_name` text DEFAULT '' NOT NULL,
	`bank_account` text DEFAULT '' NOT NULL,
	`is_internal` integer DEFAULT false NOT NULL,
	`internal_branch_code` text,
	`opening_receivable` integer DEFAULT 0 NOT NULL,
	`opening_payable` integer DEFAULT 0 NOT NULL,
	`remark` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`parent_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`salesperson_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counterparties_uid_unique` ON `counterparties` (`uid`);--> statement-breakpoint
CREATE UNIQUE INDEX `counterparties_code_unique` ON `counterparties` (`code`);--> statement-breakpoint
CREATE INDEX `counterparties_parent` ON `counterparties` (`parent_id`);--> statement-breakpoint
CREATE INDEX `counterparties_office` ON `counterparties` (`office_id`);--> statement-breakpoint
CREATE INDEX `counterparties_name` ON `counterparties` (`name`);--> statement-breakpoint
CREATE TABLE `counterparty_contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`counterparty_id` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `counterparty_contacts_owner` ON `counterparty_contacts` (`counterparty_id`);--> statement-breakpoint
CREATE TABLE `import_logs` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`entity` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`options` text NOT NULL,
	`status` text NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`skipped` integer NOT NULL,
	`error_count` integer NOT NULL,
	`errors` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_logs_uid_unique` ON `import_logs` (`uid`);--> statement-breakpoint
CREATE INDEX `import_logs_at` ON `import_logs` (`at`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`source_key` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
