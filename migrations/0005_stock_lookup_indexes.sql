CREATE INDEX `costing_checkpoints_scope` ON `costing_checkpoints` (`scope`,`month`);--> statement-breakpoint
CREATE INDEX `stock_movements_document` ON `stock_movements` (`document_id`);