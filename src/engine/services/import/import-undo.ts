import Database from 'better-sqlite3';
import { columnsOf, journaledTables, quoteName, rowJson } from './import-journal';

/** A row an undo left as it is, and why: changed by someone after the run wrote it, or used by a record the run did not write. */
export interface KeptRow {
  table: string;
  rowId: number;
  why: 'changed' | 'used';
}

interface RowStatements {
  current: Database.Statement;
  remove: Database.Statement;
  reinsert: Database.Statement;
  restore: Database.Statement;
}

const prepared = new WeakMap<Database.Database, Map<string, RowStatements>>();

function rowStatements(sqlite: Database.Database, table: string): RowStatements {
  let byTable = prepared.get(sqlite);
  if (!byTable) prepared.set(sqlite, (byTable = new Map()));
  const known = byTable.get(table);
  if (known) return known;
  const columns = columnsOf(sqlite, table);
  const name = quoteName(table);
  const value = (column: string) => `json_extract(@row, '$."${column}"')`;
  const statements: RowStatements = {
    current: sqlite.prepare(`SELECT ${rowJson(columns, name)} AS json FROM ${name} WHERE rowid = ?`).pluck(),
    remove: sqlite.prepare(`DELETE FROM ${name} WHERE rowid = ?`),
    reinsert: sqlite.prepare(
      `INSERT INTO ${name} (rowid, ${columns.map(quoteName).join(', ')}) VALUES (@rowId, ${columns.map(value).join(', ')})`,
    ),
    restore: sqlite.prepare(
      `UPDATE ${name} SET ${columns.map((column) => `${quoteName(column)} = ${value(column)}`).join(', ')} WHERE rowid = @rowId`,
    ),
  };
  byTable.set(table, statements);
  return statements;
}

/** A constraint another record holds on this one (it refers to it), or a code someone took meanwhile. */
function isConstraint(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT');
}

interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  cascades: boolean;
  /** The child is journaled too: the run's own rows of it are in the journal, by rowid. */
  childJournaled: boolean;
}

/** Every foreign key of the file that points at a journaled table's id. */
function keysIntoJournaled(sqlite: Database.Database): ForeignKey[] {
  const journaled = new Set<string>(journaledTables);
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return tables.flatMap((child) =>
    (
      sqlite.pragma(`foreign_key_list(${quoteName(child)})`) as {
        table: string;
        from: string;
        to: string | null;
        on_delete: string;
      }[]
    )
      .filter((key) => journaled.has(key.table) && (key.to === null || key.to === 'id'))
      .map((key) => ({
        child,
        column: key.from,
        parent: key.table,
        cascades: key.on_delete === 'CASCADE',
        childJournaled: journaled.has(child),
      })),
  );
}

const rowKey = (table: string, rowId: number) => `${table}:${rowId}`;

/**
 * The records the run created that others have used meanwhile (a draft line on a goods the import
 * made, a customer hung under an imported parent), with the rows they own (a goods' units, which
 * would go with it by cascade): these stay. Found before the undo starts, since the undo takes rows
 * back newest first, and a goods' units come after the goods. Reads the copy `copyJournalForUndo` made.
 */
export function usedByOthers(sqlite: Database.Database): Set<string> {
  const used = new Set<string>();
  const keys = keysIntoJournaled(sqlite);
  for (const key of keys) {
    // A child the run wrote is journaled, and its rows the run made do not count as use. Any other
    // child (stock balances, WITHOUT ROWID, have no rowid) the run never wrote: every row is use.
    const notTheRunsOwn = key.childJournaled
      ? 'AND c.rowid NOT IN (SELECT row_id FROM temp.undo_changes WHERE table_name = @child)'
      : '';
    const ids = sqlite
      .prepare(
        `SELECT DISTINCT c.${quoteName(key.column)} FROM ${quoteName(key.child)} c
         WHERE c.${quoteName(key.column)} IN (
           SELECT row_id FROM temp.undo_changes WHERE table_name = @parent AND before IS NULL)
         ${notTheRunsOwn}`,
      )
      .pluck()
      .all({ parent: key.parent, child: key.child }) as number[];
    for (const id of ids) used.add(rowKey(key.parent, id));
  }
  // A cascade takes the child's rows with the parent; kept, they are kept by their journal entries.
  for (const key of keys.filter((candidate) => candidate.cascades && candidate.childJournaled)) {
    const owners = [...used]
      .filter((entry) => entry.startsWith(`${key.parent}:`))
      .map((entry) => Number(entry.split(':')[1]));
    if (owners.length === 0) continue;
    const owned = sqlite
      .prepare(
        `SELECT rowid FROM ${quoteName(key.child)} WHERE ${quoteName(key.column)} IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(owners)) as number[];
    for (const rowId of owned) used.add(rowKey(key.child, rowId));
  }
  return used;
}

/**
 * Copies the run's journal into a temporary table of this connection, indexed by row: the journal itself
 * has no index but its key, so that each write an import journals costs one append (an index there
 * made imports a third slower), and an undo, which is rare, pays for the index once.
 */
export function copyJournalForUndo(sqlite: Database.Database, runId: number): void {
  sqlite.exec('DROP TABLE IF EXISTS temp.undo_changes');
  sqlite
    .prepare(
      `CREATE TEMP TABLE undo_changes AS
       SELECT seq, table_name, row_id, before, after FROM main.import_run_changes WHERE run_id = ?`,
    )
    .run(runId);
  sqlite.exec('CREATE INDEX temp.undo_changes_row ON undo_changes (table_name, row_id, seq)');
  sqlite.exec('CREATE INDEX temp.undo_changes_seq ON undo_changes (seq)');
}

/**
 * Takes back the rows of the run's last `limit` journal entries, newest first, in the caller's
 * transaction, and removes their entries: a batch of an undo that can stop anywhere (a crash) and be
 * resumed. Newest first: a goods' units go before the goods, a unit a goods' update replaced comes back
 * after the new one is gone (they share a name). Each row goes back to its state before the run's first
 * change of it, if it is still what the run's last change left; otherwise it is kept. Returns how many
 * rows were handled (0: the run is undone). Reads the copy `copyJournalForUndo` made.
 */
export function undoSomeChanges(
  sqlite: Database.Database,
  runId: number,
  limit: number,
  used: ReadonlySet<string> = new Set(),
): { handled: number; kept: KeptRow[] } {
  const rows = sqlite
    .prepare(
      `SELECT table_name AS tableName, row_id AS rowId, max(seq) AS last
       FROM (SELECT table_name, row_id, seq FROM temp.undo_changes ORDER BY seq DESC LIMIT ?)
       GROUP BY table_name, row_id ORDER BY last DESC`,
    )
    .all(limit) as { tableName: string; rowId: number }[];
  const firstBefore = sqlite
    .prepare('SELECT before FROM temp.undo_changes WHERE table_name = ? AND row_id = ? ORDER BY seq LIMIT 1')
    .pluck();
  const lastAfter = sqlite
    .prepare(
      'SELECT after FROM temp.undo_changes WHERE table_name = ? AND row_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .pluck();
  const forget = sqlite.prepare(
    `DELETE FROM main.import_run_changes WHERE run_id = @runId AND seq IN (
       SELECT seq FROM temp.undo_changes WHERE table_name = @tableName AND row_id = @rowId)`,
  );
  const forgetCopy = sqlite.prepare('DELETE FROM temp.undo_changes WHERE table_name = ? AND row_id = ?');
  const kept: KeptRow[] = [];
  for (const { tableName, rowId } of rows) {
    const before = firstBefore.get(tableName, rowId) as string | null;
    const after = lastAfter.get(tableName, rowId) as string | null;
    const statements = rowStatements(sqlite, tableName);
    const current = (statements.current.get(rowId) as string | undefined) ?? null;
    if (used.has(rowKey(tableName, rowId))) kept.push({ table: tableName, rowId, why: 'used' });
    else if (current !== after) kept.push({ table: tableName, rowId, why: 'changed' });
    else {
      try {
        // One savepoint per row: a row that cannot go back is kept, the others still go.
        sqlite.transaction(() => {
          if (before === null) statements.remove.run(rowId);
          else if (after === null) statements.reinsert.run({ rowId, row: before });
          else statements.restore.run({ rowId, row: before });
        })();
      } catch (error) {
        if (!isConstraint(error)) throw error;
        kept.push({ table: tableName, rowId, why: 'used' });
      }
    }
    forget.run({ runId, tableName, rowId });
    forgetCopy.run(tableName, rowId);
  }
  return { handled: rows.length, kept };
}

/** The records an undo kept, as the clerk knows them (商品 G00010); their units and keepers go with them. */
const recordLabels: Partial<Record<string, string>> = {
  goods: '商品',
  counterparties: '往来单位',
  offices: '办事处/部门',
  employees: '职员',
  warehouses: '仓库',
  goods_categories: '商品类别',
};

export function keptRecordNames(sqlite: Database.Database, kept: readonly KeptRow[]): string[] {
  return kept.flatMap(({ table, rowId }) => {
    const label = recordLabels[table];
    if (!label) return [];
    const key = table === 'goods_categories' ? 'path' : 'code';
    const name = sqlite
      .prepare(`SELECT ${key} FROM ${quoteName(table)} WHERE rowid = ?`)
      .pluck()
      .get(rowId);
    return name === undefined ? [] : [`${label} ${String(name)}`];
  });
}
