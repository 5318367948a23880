import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const outboxStates = ['built', 'sending', 'acked', 'rejected', 'superseded'] as const;
export type OutboxState = (typeof outboxStates)[number];

/**
 * The upload outbox (UPLOAD.md "Outbox"): one row per package, built in one transaction with the
 * change-log entries it carries and never changed after but for its delivery columns (a trigger
 * keeps the rest fixed). Its body, the gzip stream as built, is in `upload_outbox_members`, so every
 * retry sends the same bytes.
 * `superseded`: a package head office refused as too large (413), rebuilt as smaller ones under new
 * seqs; kept, like every package, until head office has acknowledged its successors.
 */
export const uploadOutbox = sqliteTable(
  'upload_outbox',
  {
    id: integer('id').primaryKey(),
    packageId: text('package_id').notNull().unique(),
    epoch: integer('epoch').notNull(),
    seq: integer('seq').notNull(),
    sha256: text('sha256').notNull(),
    prevSha256: text('prev_sha256'),
    snapshot: integer('snapshot', { mode: 'boolean' }).notNull(),
    /** The period keys the package carries figures for, e.g. ["2026-03"]. */
    periods: text('periods', { mode: 'json' }).$type<string[]>().notNull(),
    /** Rows per section, as in the manifest: what the 上传总部 page lists. */
    sectionRows: text('section_rows', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    bytes: integer('bytes').notNull(),
    builtAt: text('built_at').notNull(),
    state: text('state', { enum: outboxStates }).notNull().default('built'),
    attempts: integer('attempts').notNull().default(0),
    /** ISO time; null: at the next run of the loop. */
    nextAttemptAt: text('next_attempt_at'),
    lastAttemptAt: text('last_attempt_at'),
    /** The last failure as `{ code, status, message, at }` (upload-errors.ts), null after success. */
    lastError: text('last_error', { mode: 'json' }).$type<Record<string, unknown>>(),
    receipt: text('receipt', { mode: 'json' }).$type<Record<string, unknown>>(),
    ackedAt: text('acked_at'),
    /**
     * On a build's last package: the versions of the master-data tables (upload_table_versions) each
     * identity section was read at, so the next build skips reading a section none of whose tables changed.
     */
    identityVersions: text('identity_versions', { mode: 'json' }).$type<Record<string, string>>(),
  },
  (table) => [
    // A seq names one live package in an epoch; superseded ones keep theirs for the record.
    uniqueIndex('upload_outbox_identity')
      .on(table.epoch, table.seq)
      .where(sql`${table.state} <> 'superseded'`),
    index('upload_outbox_pending').on(table.state, table.epoch, table.seq),
    check('upload_outbox_seq_positive', sql`${table.seq} >= 1 AND ${table.epoch} >= 1`),
  ],
);

/**
 * A package's body, one gzip member per row in order (a gzip stream may hold several; a reader inflates
 * them as one): the build stores each member as it is made, so memory never holds a whole package. The
 * rows are written with their package in one transaction (the reference is checked at its commit),
 * never changed after, and go with their package (triggers in migration 0022).
 */
export const uploadOutboxMembers = sqliteTable(
  'upload_outbox_members',
  {
    packageId: text('package_id')
      .notNull()
      .references(() => uploadOutbox.packageId, { onDelete: 'cascade' }),
    member: integer('member').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.packageId, table.member] })],
);

/**
 * Epochs this ledger has uploaded under. A new one opens, with a full snapshot, when the branch's history
 * no longer follows head office's: a restore from a backup, or a chain head office does not share.
 */
export const uploadEpochs = sqliteTable('upload_epochs', {
  epoch: integer('epoch').primaryKey(),
  openedAt: text('opened_at').notNull(),
  /** first | restore | diverged: why it opened. */
  reason: text('reason').notNull(),
  /**
   * The latest restore of this ledger (ledger_restores.id) when the epoch opened: a restore after it
   * means the books went back to a backup, and the next package opens a new epoch. 0: none yet.
   */
  restoreId: integer('restore_id').notNull().default(0),
});

/**
 * What master data each package carried: the hash of each record's uploaded form, so the next package
 * carries only what changed since (goods, counterparties, warehouses, categories "as they change").
 * Append-only per package, so a package rebuilt after a 413 takes its marks back with it.
 */
export const uploadMasterMarks = sqliteTable(
  'upload_master_marks',
  {
    entity: text('entity').notNull(),
    uid: text('uid').notNull(),
    epoch: integer('epoch').notNull(),
    seq: integer('seq').notNull(),
    sha256: text('sha256').notNull(),
  },
  (table) => [primaryKey({ columns: [table.entity, table.uid, table.epoch, table.seq] })],
);

/**
 * A counter per master-data table the upload reads identities from, raised by triggers on every insert,
 * update and delete, whichever path writes: a build compares them with those the last package was read
 * at, and reads a section (5,000 goods, each hashed) only when one of its tables changed.
 */
export const uploadTableVersions = sqliteTable('upload_table_versions', {
  tableName: text('table_name').primaryKey(),
  version: integer('version').notNull().default(0),
});
