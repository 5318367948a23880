ALTER TABLE `employees` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `offices` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `warehouses` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `goods` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `counterparties` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Any update that leaves the version as it was adds one (status changes, the recycle bin, 启用/停用), so
-- a save opened before it is refused as stale. The app's own saves set version + 1 themselves, which
-- the WHEN leaves alone; the inner UPDATE changes the version, so it does not fire again either.
CREATE TRIGGER `employees_version` AFTER UPDATE ON `employees` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `employees` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `offices_version` AFTER UPDATE ON `offices` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `offices` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `warehouses_version` AFTER UPDATE ON `warehouses` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `warehouses` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `goods_version` AFTER UPDATE ON `goods` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `goods` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `counterparties_version` AFTER UPDATE ON `counterparties` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `counterparties` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `documents_version` AFTER UPDATE ON `documents` WHEN NEW.`version` = OLD.`version`
BEGIN
	UPDATE `documents` SET `version` = OLD.`version` + 1 WHERE `id` = NEW.`id`;
END;
