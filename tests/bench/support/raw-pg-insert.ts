import pg from 'pg';
import { openPgStore } from '../../../src/hq/store/pg-store';
import { typedSectionOf } from '../../../src/hq/store/typed-sections';
import type { RowLine } from '../../../src/shared/upload/package-format';
import { freshPgDatabase } from './bench-head-office';

/**
 * The floor of writing a package's rows into PostgreSQL: the same values head office's store writes
 * (its typed columns and the row as JSON, the master data by uid), into the same tables — a fresh
 * database created by the store itself, so identical by construction — by multi-row INSERTs of 1,000
 * rows in one transaction through node-postgres, from rows already parsed and laid out in memory.
 */
const rowsPerInsert = 1000;

interface TableRows {
  table: string;
  columns: string[];
  values: (string | number | bigint | null)[][];
}

const textOrNull = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** The package's row lines laid out per table, as the store lays them out. */
export function tableRowsOf(branchCode: string, lines: readonly RowLine[]): TableRows[] {
  const tables = new Map<string, TableRows>();
  const ordinals = new Map<string, number>();
  const tableOf = (table: string, columns: string[]) => {
    let found = tables.get(table);
    if (!found) tables.set(table, (found = { table, columns, values: [] }));
    return found;
  };
  for (const { s, p, r } of lines) {
    const typed = typedSectionOf(s);
    if (p === null) {
      tableOf('hq_entities', ['branch', 'section', 'uid', 'row_json', 'epoch', 'seq']).values.push([
        branchCode,
        s,
        String(r.uid),
        JSON.stringify(r),
        1,
        1,
      ]);
      continue;
    }
    const key = JSON.stringify([s, p]);
    const ordinal = (ordinals.get(key) ?? 0) + 1;
    ordinals.set(key, ordinal);
    if (!typed) {
      tableOf('hq_period_rows', ['branch', 'section', 'period', 'part', 'ordinal', 'row_json']).values.push([
        branchCode,
        s,
        p,
        1,
        ordinal,
        JSON.stringify(r),
      ]);
      continue;
    }
    tableOf(typed.table, [
      'branch',
      'period',
      'part',
      'ordinal',
      ...typed.dimensions.map(([column]) => column),
      ...typed.figures,
      'row_json',
    ]).values.push([
      branchCode,
      p,
      1,
      ordinal,
      ...typed.dimensions.map(([, field]) => textOrNull(r[field])),
      ...typed.figures.map((figure) => BigInt(r[figure] as number)),
      JSON.stringify(r),
    ]);
  }
  return [...tables.values()];
}

/** A fresh database with head office's tables, and a connection to it. */
export async function freshRawDatabase(): Promise<pg.Client> {
  const url = await freshPgDatabase();
  await (await openPgStore(url)).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Inserts every row in one transaction, 1,000 rows a statement. */
export async function insertRaw(client: pg.Client, tables: readonly TableRows[]): Promise<void> {
  await client.query('BEGIN');
  for (const { table, columns, values } of tables) {
    for (let start = 0; start < values.length; start += rowsPerInsert) {
      const batch = values.slice(start, start + rowsPerInsert);
      let n = 0;
      const tuples = batch.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples}`, batch.flat());
    }
  }
  await client.query('COMMIT');
}
