CREATE TABLE `upload_table_versions` (
	`table_name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `upload_outbox` ADD `identity_versions` text;--> statement-breakpoint
-- Every master-data table the upload reads identities from counts its writes (schema/upload.ts).
INSERT INTO `upload_table_versions` (`table_name`, `version`) VALUES ('goods', 0), ('goods_units', 0), ('goods_categories', 0), ('counterparties', 0), ('warehouses', 0), ('month_closes', 0);
--> statement-breakpoint
CREATE TRIGGER `goods_upload_version_insert` AFTER INSERT ON `goods`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_upload_version_update` AFTER UPDATE ON `goods`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_upload_version_delete` AFTER DELETE ON `goods`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_units_upload_version_insert` AFTER INSERT ON `goods_units`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_units';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_units_upload_version_update` AFTER UPDATE ON `goods_units`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_units';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_units_upload_version_delete` AFTER DELETE ON `goods_units`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_units';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_categories_upload_version_insert` AFTER INSERT ON `goods_categories`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_categories';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_categories_upload_version_update` AFTER UPDATE ON `goods_categories`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_categories';
END;
--> statement-breakpoint
CREATE TRIGGER `goods_categories_upload_version_delete` AFTER DELETE ON `goods_categories`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'goods_categories';
END;
--> statement-breakpoint
CREATE TRIGGER `counterparties_upload_version_insert` AFTER INSERT ON `counterparties`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'counterparties';
END;
--> statement-breakpoint
CREATE TRIGGER `counterparties_upload_version_update` AFTER UPDATE ON `counterparties`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'counterparties';
END;
--> statement-breakpoint
CREATE TRIGGER `counterparties_upload_version_delete` AFTER DELETE ON `counterparties`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'counterparties';
END;
--> statement-breakpoint
CREATE TRIGGER `warehouses_upload_version_insert` AFTER INSERT ON `warehouses`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'warehouses';
END;
--> statement-breakpoint
CREATE TRIGGER `warehouses_upload_version_update` AFTER UPDATE ON `warehouses`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'warehouses';
END;
--> statement-breakpoint
CREATE TRIGGER `warehouses_upload_version_delete` AFTER DELETE ON `warehouses`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'warehouses';
END;
--> statement-breakpoint
CREATE TRIGGER `month_closes_upload_version_insert` AFTER INSERT ON `month_closes`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'month_closes';
END;
--> statement-breakpoint
CREATE TRIGGER `month_closes_upload_version_update` AFTER UPDATE ON `month_closes`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'month_closes';
END;
--> statement-breakpoint
CREATE TRIGGER `month_closes_upload_version_delete` AFTER DELETE ON `month_closes`
BEGIN
	UPDATE `upload_table_versions` SET `version` = `version` + 1 WHERE `table_name` = 'month_closes';
END;
