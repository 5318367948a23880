import Database from 'better-sqlite3';
import { columnsOf, quoteName, rowJson } from './import-journal';

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

/**
 * Takes back the rows of the run's last `limit` journal entries, newest first, in the caller's
 * transaction, and removes their entries: a batch of an undo that can stop anywhere (a crash) and be
 * resumed. Newest first: a goods' units go before the goods, a child customer before a parent the run
 * created. Each row goes back to its state before the run's first change of it, if it is still what the
 * run's last change left; otherwise it is kept. Returns how many rows were handled (0: the run is undone).
 */
export function undoSomeChanges(
  sqlite: Database.Database,
  runId: number,
  limit: number,
): { handled: number; kept: KeptRow[] } {
  const rows = sqlite
    .prepare(
      `SELECT table_name AS tableName, row_id AS rowId, max(seq) AS last
       FROM (SELECT table_name, row_id, seq FROM import_run_changes WHERE run_id = ? ORDER BY seq DESC LIMIT ?)
       GROUP BY table_name, row_id ORDER BY last DESC`,
    )
    .all(runId, limit) as { tableName: string; rowId: number }[];
  const firstBefore = sqlite
    .prepare(
      'SELECT before FROM import_run_changes WHERE run_id = ? AND table_name = ? AND row_id = ? ORDER BY seq LIMIT 1',
    )
    .pluck();
  const lastAfter = sqlite
    .prepare(
      'SELECT after FROM import_run_changes WHERE run_id = ? AND table_name = ? AND row_id = ? ORDER BY seq DESC LIMIT 1',
    )
    .pluck();
  const forget = sqlite.prepare(
    'DELETE FROM import_run_changes WHERE run_id = ? AND table_name = ? AND row_id = ?',
  );
  const kept: KeptRow[] = [];
  for (const { tableName, rowId } of rows) {
    const before = firstBefore.get(runId, tableName, rowId) as string | null;
    const after = lastAfter.get(runId, tableName, rowId) as string | null;
    const statements = rowStatements(sqlite, tableName);
    const current = (statements.current.get(rowId) as string | undefined) ?? null;
    if (current !== after) kept.push({ table: tableName, rowId, why: 'changed' });
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
    forget.run(runId, tableName, rowId);
  }
  return { handled: rows.length, kept };
}
