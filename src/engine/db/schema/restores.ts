import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Each restore of this ledger from a backup, written into the restored file itself (so it survives, and a
 * kept-aside copy of the ledger before the restore has no such row). The upload to head office reads it
 * (UPLOAD.md "On the wire" 1): a restore newer than the epoch it is uploading under means the branch's
 * history no longer follows what head office holds, so it opens a new epoch with a full snapshot of the open
 * periods rather than continuing the old seq chain.
 */
export const ledgerRestores = sqliteTable('ledger_restores', {
  id: integer('id').primaryKey(),
  restoredAt: text('restored_at').notNull(),
  restoredByName: text('restored_by_name').notNull(),
  /** The backup file restored from, as the person chose it. */
  fromFile: text('from_file').notNull(),
  /** When that backup was made: its file's modification time. */
  backupMadeAt: text('backup_made_at').notNull(),
  /** Where the ledger as it was just before the restore was kept. */
  keptAsidePath: text('kept_aside_path').notNull(),
  /**
   * The highest upload epoch the replaced ledger had used: the restored one opens its next epoch above it,
   * never reusing one head office may already hold under other packages (0: unknown or none).
   */
  uploadEpochBefore: integer('upload_epoch_before').notNull().default(0),
});
