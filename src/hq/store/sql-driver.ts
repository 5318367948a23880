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
