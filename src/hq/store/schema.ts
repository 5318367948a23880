import type { SqlDialect } from './sql-driver';
import { typedSections } from './typed-sections';

/** Bumped when a table changes; a database from a newer receiver is refused rather than misread. */
export const hqSchemaVersion = 1;

/** Head office's tables, created on open; every statement is idempotent. */
export function schemaStatements(d: SqlDialect): string[] {
  const typedTables = Object.values(typedSections).map(
    (typed) => `CREATE TABLE IF NOT EXISTS ${typed.table} (
      branch TEXT NOT NULL,
      period TEXT NOT NULL,
      part INTEGER NOT NULL,
      ordinal INTEGER NOT NULL,
      ${typed.dimensions.map(([column]) => `${column} TEXT`).join(',\n      ')},
      ${typed.figures.map((figure) => `${figure} ${d.bigint} NOT NULL`).join(',\n      ')},
      row_json ${d.json} NOT NULL,
      PRIMARY KEY (branch, period, part, ordinal)
    )`,
  );
  return [
    `CREATE TABLE IF NOT EXISTS hq_schema (version INTEGER NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS hq_branches (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      secret TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS hq_branch_state (
      branch TEXT PRIMARY KEY REFERENCES hq_branches (code),
      epoch INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      last_sha256 TEXT
    )`,
    // The idempotency keys, kept forever with their receipts: a branch may resend any old package.
    `CREATE TABLE IF NOT EXISTS hq_packages (
      branch TEXT NOT NULL REFERENCES hq_branches (code),
      package_id TEXT NOT NULL,
      epoch INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      receipt_json TEXT NOT NULL,
      manifest_json TEXT NOT NULL,
      PRIMARY KEY (branch, package_id),
      UNIQUE (branch, epoch, seq)
    )`,
    `CREATE TABLE IF NOT EXISTS hq_package_bodies (
      branch TEXT NOT NULL,
      epoch INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      body ${d.blob} NOT NULL,
      PRIMARY KEY (branch, epoch, seq)
    )`,
    `CREATE TABLE IF NOT EXISTS hq_rejections (
      id ${d.serialKey},
      branch TEXT NOT NULL,
      epoch INTEGER,
      seq INTEGER,
      package_id TEXT,
      error TEXT NOT NULL,
      message TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      at TEXT NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS hq_rejections_branch ON hq_rejections (branch, id)`,
    `CREATE TABLE IF NOT EXISTS hq_period_parts (
      branch TEXT NOT NULL,
      section TEXT NOT NULL,
      period TEXT NOT NULL,
      part INTEGER NOT NULL,
      parts INTEGER NOT NULL,
      rows INTEGER NOT NULL,
      epoch INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      period_kind TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      PRIMARY KEY (branch, section, period, part)
    )`,
    // Per-period rows of sections without typed columns (documents, contracts, channel reports, unknown).
    `CREATE TABLE IF NOT EXISTS hq_period_rows (
      branch TEXT NOT NULL,
      section TEXT NOT NULL,
      period TEXT NOT NULL,
      part INTEGER NOT NULL,
      ordinal INTEGER NOT NULL,
      row_json ${d.json} NOT NULL,
      PRIMARY KEY (branch, section, period, part, ordinal)
    )`,
    ...typedTables,
    `CREATE TABLE IF NOT EXISTS hq_entities (
      branch TEXT NOT NULL,
      section TEXT NOT NULL,
      uid TEXT NOT NULL,
      row_json ${d.json} NOT NULL,
      epoch INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (branch, section, uid)
    )`,
  ];
}
