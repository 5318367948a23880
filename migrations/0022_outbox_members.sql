-- A package's body as its gzip members, one row each (schema/upload.ts): the build stores them as they
-- are made. The reference is checked at commit, so members may be written before their package's row.
CREATE TABLE `upload_outbox_members` (
	`package_id` text NOT NULL,
	`member` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`package_id`, `member`),
	FOREIGN KEY (`package_id`) REFERENCES `upload_outbox`(`package_id`) ON UPDATE no action ON DELETE cascade DEFERRABLE INITIALLY DEFERRED
);
--> statement-breakpoint
-- A body built before is one stream: it becomes its package's only member, byte for byte.
INSERT INTO `upload_outbox_members` (`package_id`, `member`, `bytes`) SELECT `package_id`, 0, `body` FROM `upload_outbox`;
--> statement-breakpoint
DROP TRIGGER `upload_outbox_package_fixed`;
--> statement-breakpoint
ALTER TABLE `upload_outbox` DROP COLUMN `body`;
--> statement-breakpoint
CREATE TRIGGER `upload_outbox_package_fixed` BEFORE UPDATE OF `package_id`, `epoch`, `seq`, `sha256`, `prev_sha256`, `snapshot`, `periods`, `section_rows`, `bytes`, `built_at` ON `upload_outbox`
BEGIN
  SELECT RAISE(ABORT, '上传包生成后不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `upload_outbox_members_fixed` BEFORE UPDATE ON `upload_outbox_members`
BEGIN
  SELECT RAISE(ABORT, '上传包生成后不可修改');
END;
--> statement-breakpoint
-- A member goes only with its package (the cascade, once the package's row is gone).
CREATE TRIGGER `upload_outbox_members_kept` BEFORE DELETE ON `upload_outbox_members`
WHEN EXISTS (SELECT 1 FROM `upload_outbox` WHERE `package_id` = OLD.`package_id`)
BEGIN
  SELECT RAISE(ABORT, '上传包的内容只随上传包一起删除');
END;
