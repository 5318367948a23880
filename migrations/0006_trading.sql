CREATE TABLE `open_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`side` text NOT NULL,
	`document_id` integer,
	`line_id` integer,
	`business_date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount` integer NOT NULL,
	`settled` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`line_id`) REFERENCES `document_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "open_items_settled_within_amount" CHECK(("open_items"."amount" >= 0 AND "open_items"."settled" BETWEEN 0 AND "open_items"."amount") OR ("open_items"."amount" < 0 AND "open_items"."settled" BETWEEN "open_items"."amount" AND 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open_items_uid_unique` ON `open_items` (`uid`);--> statement-breakpoint
CREATE INDEX `open_items_counterparty` ON `open_items` (`counterparty_id`,`side`,`business_date`);--> statement-breakpoint
CREATE INDEX `open_items_document` ON `open_items` (`document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `open_items_opening` ON `open_items` (`counterparty_id`,`side`) WHERE "open_items"."document_id" IS NULL;--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_uid` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`side` text NOT NULL,
	`debit_item_id` integer NOT NULL,
	`credit_item_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`settled_on` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by_name` text NOT NULL,
	`reversed_at` text,
	`reversed_by_name` text,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debit_item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_item_id`) REFERENCES `open_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "settlements_positive" CHECK("settlements"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `settlements_batch` ON `settlements` (`batch_uid`);--> statement-breakpoint
CREATE INDEX `settlements_debit` ON `settlements` (`debit_item_id`);--> statement-breakpoint
CREATE INDEX `settlements_credit` ON `settlements` (`credit_item_id`);--> statement-breakpoint
ALTER TABLE `goods_units` ADD `min_sale_price` integer;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `price_includes_tax` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `unit_price_with_tax` integer DEFAULT 0 NOT NULL;