import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { prepared } from './prepared';

/**
 * Tamper evidence for the tables that are history (the audit log, the stock ledger). Each row keeps the
 * previous row's hash (by id) as `prev_hash`, and its own `hash`: sha256 over its fields and `prev_hash`.
 * A row changed, removed or put in by anyone who went round the triggers (a sqlite tool can drop them)
 * breaks the chain there, and the walk below names that row.
 *
 * It is evidence, not a lock: whoever can write the file can also compute a whole new chain; holding the
 * latest hash somewhere else (a backup, head office) is what would show that.
 */

/**
 * A chained table and the columns its hashes cover, `id` first, in the order they are hashed (its writer
 * names them `satisfies` its row type, so that a renamed column cannot slip out of the hash).
 */
export interface ChainedTable {
  readonly table: 'audit_log' | 'stock_movements';
  readonly columns: readonly string[];
}

type Field = string | number | null;

/** What the first row of a chain is chained to. */
export const chainStart = '';

/**
 * The fields as SQLite stores them (text, integers, null), as a JSON array: one text for one list of
 * values, whatever characters the fields hold.
 */
export function chainHash(prevHash: string, fields: readonly Field[]): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, ...fields]))
    .digest('hex');
}

/** A row's place in the chain, as its writer stores it beside the row. */
export interface ChainLink {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The id and chain link of the row about to be written. Read inside the writing transaction, which took
 * the write lock at BEGIN (connection.ts): no other program can append between this and the insert.
 */
export function nextLink(sqlite: Database.Database, chained: ChainedTable, row: object): ChainLink {
  const last = prepared(sqlite, `SELECT id, hash FROM ${chained.table} ORDER BY id DESC LIMIT 1`).get() as
    { id: number; hash: string | null } | undefined;
  const id = (last?.id ?? 0) + 1;
  // After a row without a hash (put in by another program) the chain goes on from the start: the walk
  // names that row already.
  const prevHash = last?.hash ?? chainStart;
  // The row as its writer binds it, without its id, which is this link's.
  const values = row as Readonly<Record<string, unknown>>;
  const fields = chained.columns.map((column) => (column === 'id' ? id : (values[column] as Field)));
  return { id, prevHash, hash: chainHash(prevHash, fields) };
}

/** Where a chain first fails to hold, and why. */
export type ChainBreak =
  /** The row's content (or its hash) is not what its hash was computed over. */
  | { readonly id: number; readonly kind: 'changed' }
  /** The row has no hash: not written by the app, or written over by another program. */
  | { readonly id: number; readonly kind: 'unhashed' }
  /** Rows `from`–`to` before this one are gone. */
  | { readonly id: number; readonly kind: 'missing'; readonly from: number; readonly to: number }
  /**
   * The row is consistent in itself, but the next row recorded another hash for it: rewritten, with its
   * hash computed anew.
   */
  | { readonly id: number; readonly kind: 'rewritten'; readonly nextId: number };

/** Walks a chain in id order and answers its first break, or null when every row holds. */
export function firstChainBreak(sqlite: Database.Database, chained: ChainedTable): ChainBreak | null {
  const rows = sqlite
    .prepare(`SELECT ${chained.columns.join(', ')}, prev_hash, hash FROM ${chained.table} ORDER BY id`)
    .raw()
    .iterate() as IterableIterator<Field[]>;
  let previous = { id: 0, hash: chainStart };
  for (const values of rows) {
    const hash = values.pop() as string | null;
    const prevHash = values.pop() as string | null;
    const id = values[0] as number;
    if (hash === null || prevHash === null) return { id, kind: 'unhashed' };
    if (chainHash(prevHash, values) !== hash) return { id, kind: 'changed' };
    if (id !== previous.id + 1 && id > previous.id) {
      return { id, kind: 'missing', from: previous.id + 1, to: id - 1 };
    }
    if (prevHash !== previous.hash) {
      // No row before the first (an id below 1 was put in): this row is the break.
      return previous.id === 0 ? { id, kind: 'changed' } : { id: previous.id, kind: 'rewritten', nextId: id };
    }
    previous = { id, hash };
  }
  return null;
}

/** Whether the table has rows and none of them a hash: rows from before the chain, waiting for it. */
export function chainNotStarted(sqlite: Database.Database, chained: ChainedTable): boolean {
  const last = sqlite.prepare(`SELECT hash FROM ${chained.table} ORDER BY id DESC LIMIT 1`).get() as
    { hash: string | null } | undefined;
  if (last === undefined || last.hash !== null) return false;
  return !sqlite.prepare(`SELECT 1 FROM ${chained.table} WHERE hash IS NOT NULL LIMIT 1`).get();
}

/**
 * Gives a chain to rows written before the chain existed, once: when the table has rows and none has a
 * hash yet (the first open after the migration that added the columns), in id order. Once any row has a
 * hash the chain has started, and a row without one is a break that this never papers over. Returns how
 * many rows it chained. Runs in the caller's transaction.
 */
export function startChain(sqlite: Database.Database, chained: ChainedTable): number {
  if (!chainNotStarted(sqlite, chained)) return 0;
  const batch = sqlite
    .prepare(`SELECT ${chained.columns.join(', ')} FROM ${chained.table} WHERE id > ? ORDER BY id LIMIT 1000`)
    .raw();
  const link = sqlite.prepare(`UPDATE ${chained.table} SET prev_hash = ?, hash = ? WHERE id = ?`);
  let previous = { id: 0, hash: chainStart };
  let count = 0;
  for (;;) {
    const rows = batch.all(previous.id) as Field[][];
    if (rows.length === 0) return count;
    for (const values of rows) {
      const id = values[0] as number;
      const hash = chainHash(previous.hash, values);
      link.run(previous.hash, hash, id);
      previous = { id, hash };
    }
    count += rows.length;
  }
}
