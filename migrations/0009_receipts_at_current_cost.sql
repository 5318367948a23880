ALTER TABLE `stock_movements` ADD `at_current_cost` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Receipts posted "at the current cost" kept the cost of the moment they were posted in `own_value`, so
-- re-costing never revisited them. They are the gains and other receipts without an entered cost and the
-- sales returns without an origin movement; from now on re-costing costs them at their date.
UPDATE `stock_movements` SET `at_current_cost` = 1, `own_value` = NULL
WHERE `scope` IS NOT NULL AND `quantity` > 0 AND `origin_movement_id` IS NULL
  AND (`kind` = 'sales_return'
    OR (`kind` IN ('gain', 'other_in')
      AND `line_id` IN (SELECT `id` FROM `document_lines` WHERE `unit_price` = 0)));--> statement-breakpoint
DROP TRIGGER `stock_movements_fixed`;--> statement-breakpoint
CREATE TRIGGER `stock_movements_fixed` BEFORE UPDATE OF `posting_date`, `goods_id`, `warehouse_id`, `lot`, `in_transit`, `kind`, `quantity`, `at_current_cost`, `document_id`, `line_id` ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements: only the value can be re-costed');
END;
