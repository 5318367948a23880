/** A value bound to a statement: the few kinds head office stores. */
export type SqlValue = string | number | bigint | Buffer | null;

/** The words in which SQLite and PostgreSQL differ, as far as head office's tables need. */
export interface SqlDialect {
  /** Integers beyond 2^31: summed quantities and fen. */
  bigint: string;
  blob: string;
  json: string;
  /** An auto-numbered primary key column. */
  serialKey: string;
  /** A JSON column read back as text, whatever its type. */
  jsonAsText(column: string): string;
  /** A top-level field of a JSON column as text (NULL when absent or null). */
  jsonField(column: string, field: string): string;
  /** Appended to the read of a branch's state row inside a transaction to hold its lock. */
  lockRow: string;
}

/** Statements on one connection; `?` marks parameters in both dialects. */
export interface SqlSession {
  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void>;
  /**
   * Inserts the rows, or where one with the same `key` columns is held, sets its other columns to the
   * row's: as if each row were upserted in turn (of rows sharing a key, the last one stands).
   */
  upsertMany(
    table: string,
    columns: readonly string[],
    key: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void>;
}

/** The `INSERT … ON CONFLICT … DO UPDATE` both dialects share, for `values` (one or more row tuples). */
export function upsertStatement(
  table: string,
  columns: readonly string[],
  key: readonly string[],
  values: string,
): string {
  const updated = columns.filter((column) => !key.includes(column));
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${key.join(', ')}) ` +
    `DO UPDATE SET ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`
  );
}

export interface SqlDriver extends SqlSession {
  readonly kind: 'sqlite' | 'pg';
  readonly dialect: SqlDialect;
  /** Creates the schema; safe when several processes open the same database at once. */
  migrate(statements: readonly string[]): Promise<void>;
  /** One transaction that holds the database's write lock as soon as it starts (SQLite) or as it locks rows (PG). */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
