import Database from 'better-sqlite3';
import type { HqStore } from './hq-store';
import {
  upsertStatement,
  type SqlDialect,
  type SqlDriver,
  type SqlSession,
  type SqlValue,
} from './sql-driver';
import { SqlHqStore } from './sql-hq-store';

const sqliteDialect: SqlDialect = {
  bigint: 'INTEGER',
  blob: 'BLOB',
  json: 'TEXT',
  serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  jsonAsText: (column) => column,
  jsonField: (column, field) => `json_extract(${column}, '$.${field}')`,
  // BEGIN IMMEDIATE already holds the only write lock there is.
  lockRow: '',
};

/**
 * One connection, used by one caller at a time: a transaction awaits between statements (it streams the
 * package), and any other statement run on the connection meanwhile would land inside it. The queue
 * makes SQLite's single writer explicit within the process; BEGIN IMMEDIATE and the busy timeout do the
 * same between processes (an `import` while the server runs).
 */
class SqliteDriver implements SqlDriver {
  readonly kind = 'sqlite';
  readonly dialect = sqliteDialect;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly session: SqlSession;

  constructor(private readonly sqlite: Database.Database) {
    const prepared = new Map<string, Database.Statement>();
    const statement = (sql: string) => {
      let found = prepared.get(sql);
      if (!found) {
        found = sqlite.prepare(sql);
        prepared.set(sql, found);
      }
      return found;
    };
    this.session = {
      query: async <Row>(sql: string, params: readonly SqlValue[] = []) =>
        statement(sql).all(...params) as Row[],
      run: async (sql, params = []) => statement(sql).run(...params).changes,
      insertMany: async (table, columns, rows) => {
        const insert = statement(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(...row);
      },
      upsertMany: async (table, columns, key, rows) => {
        // One prepared statement run per row is already SQLite's fastest way: no round trips to save.
        const upsert = statement(
          upsertStatement(table, columns, key, `(${columns.map(() => '?').join(', ')})`),
        );
        for (const row of rows) upsert.run(...row);
      },
    };
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.serialized(() => this.session.query<Row>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.serialized(() => this.session.run(sql, params));
  }

  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void> {
    return this.transaction((tx) => tx.insertMany(table, columns, rows));
  }

  upsertMany(
    table: string,
    columns: readonly string[],
    key: readonly string[],
    rows: readonly (readonly SqlValue[])[],
  ): Promise<void> {
    return this.transaction((tx) => tx.upsertMany(table, columns, key, rows));
  }

  async migrate(statements: readonly string[]): Promise<void> {
    await this.transaction(async (tx) => {
      for (const sql of statements) await tx.run(sql);
    });
  }

  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.serialized(async () => {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.session);
        this.sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.serialized(async () => {
      this.sqlite.close();
    });
  }
}

/** Head office on a SQLite file (the default): WAL, and synchronous=FULL so a receipt is never ahead of the disk. */
export async function openSqliteStore(file: string): Promise<HqStore> {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return SqlHqStore.open(new SqliteDriver(sqlite));
}
