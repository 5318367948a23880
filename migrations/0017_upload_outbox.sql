CREATE TABLE `upload_epochs` (
	`epoch` integer PRIMARY KEY NOT NULL,
	`opened_at` text NOT NULL,
	`reason` text NOT NULL,
	`restore_id` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `upload_master_marks` (
	`entity` text NOT NULL,
	`uid` text NOT NULL,
	`epoch` integer NOT NULL,
	`seq` integer NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`entity`, `uid`, `epoch`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `upload_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`epoch` integer NOT NULL,
	`seq` integer NOT NULL,
	`sha256` text NOT NULL,
	`prev_sha256` text,
	`snapshot` integer NOT NULL,
	`periods` text NOT NULL,
	`section_rows` text NOT NULL,
	`bytes` integer NOT NULL,
	`body` blob NOT NULL,
	`built_at` text NOT NULL,
	`state` text DEFAULT 'built' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_attempt_at` text,
	`last_error` text,
	`receipt` text,
	`acked_at` text,
	CONSTRAINT "upload_outbox_seq_positive" CHECK("upload_outbox"."seq" >= 1 AND "upload_outbox"."epoch" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upload_outbox_package_id_unique` ON `upload_outbox` (`package_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `upload_outbox_identity` ON `upload_outbox` (`epoch`,`seq`) WHERE "upload_outbox"."state" <> 'superseded';--> statement-breakpoint
CREATE INDEX `upload_outbox_pending` ON `upload_outbox` (`state`,`epoch`,`seq`);--> statement-breakpoint
ALTER TABLE `change_log` ADD `package_epoch` integer;--> statement-breakpoint
ALTER TABLE `ledger_restores` ADD `upload_epoch_before` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `upload_outbox_package_fixed` BEFORE UPDATE OF `package_id`, `epoch`, `seq`, `sha256`, `prev_sha256`, `snapshot`, `periods`, `section_rows`, `bytes`, `body`, `built_at` ON `upload_outbox`
BEGIN
  SELECT RAISE(ABORT, '上传包生成后不可修改');
END;
--> statement-breakpoint
-- A package head office has not acknowledged is the only copy of what it carries.
CREATE TRIGGER `upload_outbox_unacked_kept` BEFORE DELETE ON `upload_outbox`
WHEN OLD.`state` <> 'acked'
BEGIN
  SELECT RAISE(ABORT, '未确认送达的上传包不可删除');
END;
