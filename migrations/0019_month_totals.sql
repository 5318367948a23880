CREATE TABLE `trade_month_totals` (
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
);
--> statement-breakpoint
CREATE TABLE `movement_month_totals` (
	`month` text NOT NULL,
	`goods_id` integer NOT NULL,
	`warehouse_id` integer NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	`movements` integer NOT NULL,
	PRIMARY KEY(`month`, `goods_id`, `warehouse_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `money_month_totals` (
	`side` text NOT NULL,
	`counterparty_id` integer NOT NULL,
	`month` text NOT NULL,
	`debit` integer NOT NULL,
	`credit` integer NOT NULL,
	PRIMARY KEY(`side`, `counterparty_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `open_items_date` ON `open_items` (`business_date`,`side`,`counterparty_id`,`amount`);--> statement-breakpoint
-- 收发汇总 by month, kept with the movements as they are inserted (none is deleted:
-- stock_movements_no_delete). A re-costed value (nothing else of a movement changes: stock_movements_fixed)
-- moves these sums in recost.ts's applyRevaluations, once per key, as it moves the balances.
CREATE TRIGGER `movement_month_totals_insert` AFTER INSERT ON `stock_movements` WHEN NEW.`in_transit` = 0
BEGIN
	INSERT INTO `movement_month_totals` (`month`, `goods_id`, `warehouse_id`, `kind`, `quantity`, `value`, `movements`)
	VALUES (substr(NEW.`posting_date`, 1, 7), NEW.`goods_id`, NEW.`warehouse_id`, NEW.`kind`, NEW.`quantity`, NEW.`value`, 1)
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `value` = `value` + excluded.`value`,
		`movements` = `movements` + 1;
END;
--> statement-breakpoint
-- 往来 by month, kept with the open items: inserted, deleted, or changed (an opening balance's amount).
CREATE TRIGGER `money_month_totals_insert` AFTER INSERT ON `open_items`
BEGIN
	INSERT INTO `money_month_totals` (`side`, `counterparty_id`, `month`, `debit`, `credit`)
	VALUES (NEW.`side`, NEW.`counterparty_id`, substr(NEW.`business_date`, 1, 7), max(NEW.`amount`, 0), max(-NEW.`amount`, 0))
	ON CONFLICT DO UPDATE SET `debit` = `debit` + excluded.`debit`, `credit` = `credit` + excluded.`credit`;
END;
--> statement-breakpoint
CREATE TRIGGER `money_month_totals_delete` AFTER DELETE ON `open_items`
BEGIN
	UPDATE `money_month_totals` SET `debit` = `debit` - max(OLD.`amount`, 0), `credit` = `credit` - max(-OLD.`amount`, 0)
	WHERE `side` = OLD.`side` AND `counterparty_id` = OLD.`counterparty_id` AND `month` = substr(OLD.`business_date`, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `money_month_totals_update` AFTER UPDATE OF `side`, `counterparty_id`, `business_date`, `amount` ON `open_items`
BEGIN
	UPDATE `money_month_totals` SET `debit` = `debit` - max(OLD.`amount`, 0), `credit` = `credit` - max(-OLD.`amount`, 0)
	WHERE `side` = OLD.`side` AND `counterparty_id` = OLD.`counterparty_id` AND `month` = substr(OLD.`business_date`, 1, 7);
	INSERT INTO `money_month_totals` (`side`, `counterparty_id`, `month`, `debit`, `credit`)
	VALUES (NEW.`side`, NEW.`counterparty_id`, substr(NEW.`business_date`, 1, 7), max(NEW.`amount`, 0), max(-NEW.`amount`, 0))
	ON CONFLICT DO UPDATE SET `debit` = `debit` + excluded.`debit`, `credit` = `credit` + excluded.`credit`;
END;
--> statement-breakpoint
INSERT INTO `movement_month_totals` (`month`, `goods_id`, `warehouse_id`, `kind`, `quantity`, `value`, `movements`)
SELECT substr(`posting_date`, 1, 7), `goods_id`, `warehouse_id`, `kind`, sum(`quantity`), sum(`value`), count(*)
FROM `stock_movements` WHERE `in_transit` = 0 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `money_month_totals` (`side`, `counterparty_id`, `month`, `debit`, `credit`)
SELECT `side`, `counterparty_id`, substr(`business_date`, 1, 7), sum(max(`amount`, 0)), sum(max(-`amount`, 0))
FROM `open_items` GROUP BY 1, 2, 3;
--> statement-breakpoint
-- 购销 of a document line, as the upload sums it (period-sections.ts): every delivery, receipt and return
-- line whatever its status, signed (returns and red reversals subtract), with its cost — the value its
-- movements took (sales, negated back to positive) or booked (purchases).
CREATE VIEW `trade_line_figures` AS
SELECT l.`id` AS `line_id`, d.`id` AS `document_id`, d.`status`, d.`business_date`,
	substr(d.`business_date`, 1, 7) AS `month`,
	CASE WHEN d.`type` IN ('sales_delivery', 'sales_return') THEN 'sales' ELSE 'purchases' END AS `side`,
	coalesce(d.`counterparty_id`, 0) AS `counterparty_id`, l.`goods_id`,
	CASE WHEN d.`type` IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END
		* coalesce(l.`confirmed_base_quantity`, l.`base_quantity`) AS `quantity`,
	CASE WHEN d.`type` IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END * l.`amount` AS `amount`,
	CASE WHEN d.`type` IN ('sales_return', 'purchase_return') THEN -1 ELSE 1 END * l.`amount_with_tax` AS `amount_with_tax`,
	CASE WHEN d.`type` IN ('sales_delivery', 'sales_return') THEN -1 ELSE 1 END
		* coalesce((SELECT sum(m.`value`) FROM `stock_movements` m WHERE m.`line_id` = l.`id`), 0) AS `cost`
FROM `documents` d JOIN `document_lines` l ON l.`document_id` = d.`id`
WHERE d.`type` IN ('sales_delivery', 'sales_return', 'purchase_receipt', 'purchase_return');
--> statement-breakpoint
-- 购销 by month, kept with the documents. A change is taken out as the row stood before it (BEFORE) and
-- put in as it stands after (AFTER), both read through the view, so each trigger says only which lines.
CREATE TRIGGER `trade_month_totals_document_before` BEFORE UPDATE OF `status`, `business_date`, `counterparty_id` ON `documents`
WHEN OLD.`status` = 'completed'
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, -sum(`quantity`), -sum(`amount`), -sum(`amount_with_tax`), -sum(`cost`), -count(*)
	FROM `trade_line_figures` WHERE `document_id` = OLD.`id` GROUP BY 1, 2, 3, 4
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
CREATE TRIGGER `trade_month_totals_document_after` AFTER UPDATE OF `status`, `business_date`, `counterparty_id` ON `documents`
WHEN NEW.`status` = 'completed'
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, sum(`quantity`), sum(`amount`), sum(`amount_with_tax`), sum(`cost`), count(*)
	FROM `trade_line_figures` WHERE `document_id` = NEW.`id` GROUP BY 1, 2, 3, 4
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
CREATE TRIGGER `trade_month_totals_line_before` BEFORE UPDATE OF `document_id`, `goods_id`, `base_quantity`, `confirmed_base_quantity`, `amount`, `amount_with_tax` ON `document_lines`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = OLD.`document_id` AND `status` = 'completed')
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, -`quantity`, -`amount`, -`amount_with_tax`, -`cost`, -1
	FROM `trade_line_figures` WHERE `line_id` = OLD.`id` AND `status` = 'completed'
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
CREATE TRIGGER `trade_month_totals_line_after` AFTER UPDATE OF `document_id`, `goods_id`, `base_quantity`, `confirmed_base_quantity`, `amount`, `amount_with_tax` ON `document_lines`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = NEW.`document_id` AND `status` = 'completed')
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, 1
	FROM `trade_line_figures` WHERE `line_id` = NEW.`id` AND `status` = 'completed'
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
CREATE TRIGGER `trade_month_totals_line_insert` AFTER INSERT ON `document_lines`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = NEW.`document_id` AND `status` = 'completed')
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, 1
	FROM `trade_line_figures` WHERE `line_id` = NEW.`id` AND `status` = 'completed'
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
CREATE TRIGGER `trade_month_totals_line_delete` BEFORE DELETE ON `document_lines`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = OLD.`document_id` AND `status` = 'completed')
BEGIN
	INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
	SELECT `month`, `side`, `counterparty_id`, `goods_id`, -`quantity`, -`amount`, -`amount_with_tax`, -`cost`, -1
	FROM `trade_line_figures` WHERE `line_id` = OLD.`id` AND `status` = 'completed'
	ON CONFLICT DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `amount` = `amount` + excluded.`amount`,
		`amount_with_tax` = `amount_with_tax` + excluded.`amount_with_tax`, `cost` = `cost` + excluded.`cost`, `lines` = `lines` + excluded.`lines`;
END;
--> statement-breakpoint
-- A movement inserted for a completed line moves its cost only; a re-costed one, applyRevaluations.
-- The line triggers and this one fire for a completed document only: while a keeper confirms, the
-- document is not completed yet (its lines are summed once, as it completes), so confirming pays one
-- lookup a row.
CREATE TRIGGER `trade_month_totals_movement_insert` AFTER INSERT ON `stock_movements`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = NEW.`document_id` AND `status` = 'completed')
BEGIN
	UPDATE `trade_month_totals` SET `cost` = `trade_month_totals`.`cost` + (CASE f.`side` WHEN 'sales' THEN -1 ELSE 1 END) * NEW.`value`
	FROM `trade_line_figures` f
	WHERE f.`line_id` = NEW.`line_id` AND f.`status` = 'completed' AND `trade_month_totals`.`month` = f.`month`
		AND `trade_month_totals`.`side` = f.`side` AND `trade_month_totals`.`counterparty_id` = f.`counterparty_id`
		AND `trade_month_totals`.`goods_id` = f.`goods_id`;
END;
--> statement-breakpoint
INSERT INTO `trade_month_totals` (`month`, `side`, `counterparty_id`, `goods_id`, `quantity`, `amount`, `amount_with_tax`, `cost`, `lines`)
SELECT `month`, `side`, `counterparty_id`, `goods_id`, sum(`quantity`), sum(`amount`), sum(`amount_with_tax`), sum(`cost`), count(*)
FROM `trade_line_figures` WHERE `status` = 'completed' GROUP BY 1, 2, 3, 4;
