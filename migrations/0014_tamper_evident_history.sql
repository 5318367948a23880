ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- INSERT OR REPLACE deletes the row it replaces, and SQLite fires delete triggers for that only on a
-- connection with recursive_triggers on, which another program's need not have: an insert over an existing
-- id is refused before it happens, whatever the pragmas of the connection that tries it.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stock_movements_no_replace` BEFORE INSERT ON `stock_movements`
WHEN EXISTS (SELECT 1 FROM `stock_movements` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'stock_movements are never rewritten');
END;
--> statement-breakpoint
-- The one change an audit row ever takes: a row written before the chain existed gets its place in it (its
-- hash and the one before), once, with its content as it was (the chain is started when the file is first
-- opened after this migration: db/hash-chain.ts).
DROP TRIGGER `audit_log_no_update`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (OLD.`hash` IS NULL AND OLD.`prev_hash` IS NULL AND NEW.`hash` IS NOT NULL AND NEW.`id` IS OLD.`id` AND NEW.`at` IS OLD.`at`
  AND NEW.`user_id` IS OLD.`user_id` AND NEW.`username` IS OLD.`username` AND NEW.`action` IS OLD.`action`
  AND NEW.`entity` IS OLD.`entity` AND NEW.`entity_key` IS OLD.`entity_key` AND NEW.`before` IS OLD.`before`
  AND NEW.`after` IS OLD.`after` AND NEW.`detail` IS OLD.`detail`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Everything of a movement is fixed but the re-costable value and correction (DOMAIN.md §6.6).
DROP TRIGGER `stock_movements_fixed`;--> statement-breakpoint
CREATE TRIGGER `stock_movements_fixed` BEFORE UPDATE OF `id`, `posting_date`, `goods_id`, `warehouse_id`, `lot`, `in_transit`, `kind`, `quantity`, `scope`, `layer`, `origin_movement_id`, `own_value`, `at_current_cost`, `document_id`, `line_id` ON `stock_movements`
BEGIN
	SELECT RAISE(ABORT, 'stock_movements: only the value can be re-costed');
END;
