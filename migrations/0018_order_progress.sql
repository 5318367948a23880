CREATE TABLE `order_progress` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`open_lines` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `documents_reversal_of`;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_reversal_of` ON `documents` (`reversal_of_id`) WHERE "documents"."reversal_of_id" IS NOT NULL;--> statement-breakpoint
-- The lines that count as carrying out the line they were made from (DOMAIN.md §5): in a document not
-- voided, not a red-letter reversal and not reversed by one. Drafts count, so that one order line is not
-- drafted twice; their quantity is the one entered until a keeper confirms another.
CREATE VIEW `executing_lines` AS
SELECT x.`id` AS `line_id`, x.`document_id`, e.`type`, x.`source_line_id`, x.`base_quantity`, x.`confirmed_base_quantity`
FROM `document_lines` x JOIN `documents` e ON e.`id` = x.`document_id`
WHERE x.`source_line_id` IS NOT NULL AND e.`status` <> 'voided' AND e.`reversal_of_id` IS NULL
AND NOT EXISTS (SELECT 1 FROM `documents` r WHERE r.`reversal_of_id` = e.`id`);
--> statement-breakpoint
-- Each order line and how far the receipts or deliveries made from it have gone, in base units:
-- entered or confirmed (`executed`), and confirmed by a keeper (`confirmed`). The order types and the
-- types that carry them out are order-execution.ts's executionTypeOf.
CREATE VIEW `order_line_execution` AS
SELECT o.`id` AS `line_id`, o.`document_id`, o.`line_no`, d.`type` AS `order_type`, d.`status`, d.`counterparty_id`,
  o.`goods_id`, o.`warehouse_id`, o.`base_quantity`, o.`amount_with_tax`,
  (SELECT coalesce(sum(coalesce(x.`confirmed_base_quantity`, x.`base_quantity`)), 0) FROM `executing_lines` x
    WHERE x.`source_line_id` = o.`id` AND x.`type` = CASE d.`type` WHEN 'sales_order' THEN 'sales_delivery' ELSE 'purchase_receipt' END) AS `executed`,
  (SELECT coalesce(sum(x.`confirmed_base_quantity`), 0) FROM `executing_lines` x
    WHERE x.`source_line_id` = o.`id` AND x.`type` = CASE d.`type` WHEN 'sales_order' THEN 'sales_delivery' ELSE 'purchase_receipt' END) AS `confirmed`
FROM `document_lines` o JOIN `documents` d ON d.`id` = o.`document_id`
WHERE d.`type` IN ('sales_order', 'purchase_order');
--> statement-breakpoint
-- order_progress is recounted for the orders a write touches: the order whose lines changed, and the
-- orders of the lines a changed line, document or reversal carries out.
CREATE TRIGGER `order_progress_line_insert` AFTER INSERT ON `document_lines`
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` IN (SELECT NEW.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` = NEW.`source_line_id`);
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT NEW.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` = NEW.`source_line_id`)
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `order_progress_line_update` AFTER UPDATE OF `document_id`, `source_line_id`, `base_quantity`, `confirmed_base_quantity` ON `document_lines`
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` IN (SELECT NEW.`document_id` UNION SELECT OLD.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` IN (NEW.`source_line_id`, OLD.`source_line_id`));
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT NEW.`document_id` UNION SELECT OLD.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` IN (NEW.`source_line_id`, OLD.`source_line_id`))
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `order_progress_line_delete` AFTER DELETE ON `document_lines`
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` IN (SELECT OLD.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` = OLD.`source_line_id`);
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT OLD.`document_id` UNION SELECT `document_id` FROM `document_lines` WHERE `id` = OLD.`source_line_id`)
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `order_progress_document_update` AFTER UPDATE OF `status`, `reversal_of_id` ON `documents`
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` IN (NEW.`id`, NEW.`reversal_of_id`, OLD.`reversal_of_id`));
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` IN (NEW.`id`, NEW.`reversal_of_id`, OLD.`reversal_of_id`))
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `order_progress_reversal_insert` AFTER INSERT ON `documents` WHEN NEW.`reversal_of_id` IS NOT NULL
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` = NEW.`reversal_of_id`);
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` = NEW.`reversal_of_id`)
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `order_progress_document_delete` AFTER DELETE ON `documents`
BEGIN
	DELETE FROM `order_progress` WHERE `document_id` = OLD.`id`
		OR `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` = OLD.`reversal_of_id`);
	INSERT INTO `order_progress` (`document_id`, `open_lines`)
		SELECT `document_id`, count(*) FROM `order_line_execution`
		WHERE `document_id` IN (SELECT s.`document_id` FROM `document_lines` l JOIN `document_lines` s ON s.`id` = l.`source_line_id` WHERE l.`document_id` = OLD.`reversal_of_id`)
		AND `confirmed` < `base_quantity` GROUP BY `document_id`;
END;
--> statement-breakpoint
INSERT INTO `order_progress` (`document_id`, `open_lines`)
	SELECT `document_id`, count(*) FROM `order_line_execution` WHERE `confirmed` < `base_quantity` GROUP BY `document_id`;
