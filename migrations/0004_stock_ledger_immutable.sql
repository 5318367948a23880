-- A stock movement is history (DOMAIN.md §6.1): what moved, where and when never changes; only its
-- value may be re-costed when a backdated document lands before it (§6.6). A completed document is
-- corrected by a red-letter reversal, never by deleting its movements.
CREATE TRIGGER `stock_movements_fixed` BEFORE UPDATE OF `posting_date`, `goods_id`, `warehouse_id`, `lot`, `in_transit`, `kind`, `quantity`, `document_id`, `line_id` ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements: only the value can be re-costed');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_delete` BEFORE DELETE ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements are never deleted');
END;
