import { createHash } from 'node:crypto';
import pg from 'pg';
import type { HqStore } from './hq-store';
import {
  upsertStatement,
  type SqlDialect,
  type SqlDriver,
  type SqlSession,
  type SqlValue,
} from './sql-driver';
import { SqlHqStore } from './sql-hq-store';

const pgDialect: SqlDialect = {
  bigint: 'BIGINT',
  blob: 'BYTEA',
  json: 'JSONB',
  serialKey: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  jsonAsText: (column) => `${column}::text`,
  jsonField: (column, field) => `(${column} ->> '${field}')`,
  // Two sends of one branch meet on its state row: the second waits until the first commits.
  lockRow: ' FOR UPDATE',
};

/** Any key will do as long as every receiver uses the same: it serializes schema creation. */
const schemaLockKey = 0x6871_7363;

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const rowsPerInsert = 500;

/** `?` to `$1, $2 …`: head office's SQL has no `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A prepared statement's name: the same for the same text on every connection, within PostgreSQL's 63 bytes. */
const statementName = (text: string) => `hq_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;

/** `(?, ?), (?, ?) …`: the placeholders of `rows` tuples of `columns` values. */
const tuples = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/**
 * The rows with one per key, the last of each kept where it stood last: PostgreSQL refuses a statement
 * whose ON CONFLICT would update the same row twice.
 */
function lastPerKey(
  columns: readonly string[],
  key: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): (readonly SqlValue[])[] {
  const at = key.map((column) => columns.indexOf(column));
  const latest = new Map<string, readonly SqlValue[]>();
  for (const row of rows) {
    const id = JSON.stringify(at.map((index) => String(row[index])));
    latest.delete(id);
    latest.set(id, row);
  }
  return [...latest.values()];
}

function sessionOn(client: pg.Pool | pg.PoolClient): SqlSession {
  const query = async <Row>(sql: string, params: readonly SqlValue[] = []) =>
    (await client.query(numbered(sql), [...params])).rows as Row[];
  /** Runs `sqlOf(placeholders)` once per batch of rows, so a thousand rows cost a few round trips. */
  const inBatches = async (
    columns: readonly string[],
    rows: readonly (readonly SqlValue[])[],
    sqlOf: (values: string) => string,
  ) => {
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      const batch = rows.slice(start, start + rowsPerInsert);
      const text = numbered(sqlOf(tuples(batch.length, columns.length)));
      // A full batch's statement is the same every time: prepared once per connection, it is parsed and
      // planned once rather than for every 500 rows.
      const name = batch.length === rowsPerInsert ? statementName(text) : undefined;
      await client.query({ text, values: batch.flat(), ...(name ? { name } : {}) });
    }
  };
  return {
    query,
    run: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rowCount ?? 0,
    insertMany: (table, columns, rows) =>
      inBatches(columns, rows, (values) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`),
    upsertMany: (table, columns, key, rows) =>
      inBatches(columns, lastPerKey(columns, key, rows), (values) =>
        upsertStatement(table, columns, key, values),
      ),
  };
}

class PgDriver implements SqlDriver {
  readonly kind = 'pg';
  readonly dialect = pgDialect;
  private readonly session: SqlSession;

  constructor(private readonly pool: pg.Pool) {
    this.session = sessionOn(pool);
  }

  query<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.session.query<Row>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.session.run(sql, params);
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
      await tx.run(`SELECT pg_advisory_xact_lock(${schemaLockKey})`);
      for (const sql of statements) await tx.run(sql);
    });
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(sessionOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // The refusal or failure that got here is what the caller must see, not a rollback on a dead connection.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Head office on PostgreSQL (a real head office): `url` as `postgresql://user@host:port/db`. */
export async function openPgStore(url: string): Promise<HqStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client that loses its server must not take the receiver down with an unhandled error.
  pool.on('error', (error) => console.error('PostgreSQL 连接出错：', error.message));
  return SqlHqStore.open(new PgDriver(pool));
}
