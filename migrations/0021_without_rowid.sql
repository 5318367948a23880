-- The stock balances and the month totals as WITHOUT ROWID tables: each row lives in its primary key's
-- b-tree, so a month's totals are one range of it (not an index range and a table lookup per row, as
-- the upload read them), and a posting's upsert writes one b-tree, not a table and its key index.
-- SQLite's way to change a table: a new one, the rows copied, the old dropped, the new renamed. The
-- triggers that write these tables name them in their bodies; the legacy rename leaves those bodies
-- alone, where the modern one would reparse them while the old table is gone and fail.
PRAGMA legacy_alter_table = ON;
--> statement-breakpoint
CREATE TABLE `__new_stock_balances` (
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
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_stock_balances` (`goods_id`, `warehouse_id`, `lot`, `in_transit`, `quantity`, `value`, `expiry_date`) SELECT `goods_id`, `warehouse_id`, `lot`, `in_transit`, `quantity`, `value`, `expiry_date` FROM `stock_balances`;
--> statement-breakpoint
DROP TABLE `stock_balances`;
--> statement-breakpoint
ALTER TABLE `__new_stock_balances` RENAME TO `stock_balances`;
--> statement-breakpoint
CREATE TABLE `__new_trade_month_totals` (
	`month` text NOT NULL,
	`side` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`goods_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`amount` integer NOT NULL,
	`amount_with_tax` integer NOT NULL,
	`cost` integer NOT NULL,
	`lines` integer NOT NULL,
	PRIMARY KEY(`month`, `side`, `counterparty_id`, `goods_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`) SELECT `month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines` FROM `trade_month_totals`;
--> statement-breakpoint
DROP TABLE `trade_month_totals`;
--> statement-breakpoint
ALTER TABLE `__new_trade_month_totals` RENAME TO `trade_month_totals`;
--> statement-breakpoint
CREATE TABLE `__new_movement_month_totals` (
	`month` text NOT NULL,
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	`movements` integer NOT NULL,
	PRIMARY KEY(`month`, `goods_id`, `warehouse_id`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_movement_month_totals` (`month`, `goods_id`, `warehouse_id`, `kind`, `quantity`, `value`, `movements`) SELECT `month`, `goods_id`, `warehouse_id`, `kind`, `quantity`, `value`, `movements` FROM `movement_month_totals`;
--> statement-breakpoint
DROP TABLE `movement_month_totals`;
--> statement-breakpoint
ALTER TABLE `__new_movement_month_totals` RENAME TO `movement_month_totals`;
--> statement-breakpoint
CREATE TABLE `__new_money_month_totals` (
	`side` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`month` text NOT NULL,
	`debit` integer NOT NULL,
	`credit` integer NOT NULL,
	PRIMARY KEY(`side`, `counterparty_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_money_month_totals` (`side`, `counterparty_id`, `month`, `debit`, `credit`) SELECT `side`, `counterparty_id`, `month`, `debit`, `credit` FROM `money_month_totals`;
--> statement-breakpoint
DROP TABLE `money_month_totals`;
--> statement-breakpoint
ALTER TABLE `__new_money_month_totals` RENAME TO `money_month_totals`;
--> statement-breakpoint
PRAGMA legacy_alter_table = OFF;
