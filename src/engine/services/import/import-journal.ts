import type Database from 'better-sqlite3';

/**
 * The journal that lets an import be written in bounded batches and still be all or nothing: the
 * technique of SQLite's own "Automatic Undo/Redo Using SQLite" (sqlite.org/undoredo.html). Temporary
 * triggers on the tables an import writes record each changed row, before and after, in
 * `import_run_changes` — but only while a batch of a run is being written, which `temp.import_capture`
 * says (one row: the run). Other calls served between two batches, on the same connection, are not
 * journaled; other programs have no such triggers at all.
 *
 * Undoing a run restores each row to what it was before the run's first change of it, provided it is
 * still what the run's last change left: a row another person changed or used meanwhile is kept, and
 * said (import-batches.ts).
 */

/**
 * The tables the master-data importers write through their services (and nothing else): the audit
 * log is history and stays (an undo adds its own row), and the change log has no master-data entries
 * yet. tests/integration/import-batches.test.ts compares every other table before an import and after
 * its undo, so a table added to an importer's writes and missing here fails there.
 */
export const journaledTables = [
  'goods_categories',
  'goods',
  'goods_units',
  'goods_stock_lines',
  'counterparties',
  'counterparty_contacts',
  'offices',
  'employees',
  'warehouses',
  'warehouse_keepers',
] as const;

export type JournaledTable = (typeof journaledTables)[number];

/** The columns of a table, in their order: what a row's JSON holds and a restore writes back. */
export function columnsOf(sqlite: Database.Database, table: string): string[] {
  return (sqlite.pragma(`table_info(${quoteName(table)})`) as { name: string }[]).map(
    (column) => column.name,
  );
}

export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `json_object('a', ROW.a, …)`: a row as JSON, compared by its text (same columns, same order). */
export function rowJson(columns: readonly string[], row: string): string {
  return `json_object(${columns.map((column) => `'${column}', ${row}.${quoteName(column)}`).join(', ')})`;
}

const installed = new WeakSet<Database.Database>();

/**
 * Creates the capture flag and the triggers on this connection once. Temporary objects belong to the
 * connection: another program's connection never journals, and nothing of this is in the file.
 */
export function installJournal(sqlite: Database.Database): void {
  if (installed.has(sqlite)) return;
  const statements = ['CREATE TEMP TABLE IF NOT EXISTS import_capture (run_id INTEGER NOT NULL)'];
  for (const table of journaledTables) {
    const json = (row: string) => rowJson(columnsOf(sqlite, table), row);
    const record = (before: string, after: string, rowId: string) =>
      `INSERT INTO main.import_run_changes (run_id, table_name, row_id, before, after)
       SELECT run_id, '${table}', ${rowId}, ${before}, ${after} FROM temp.import_capture;`;
    const when = 'WHEN EXISTS (SELECT 1 FROM temp.import_capture)';
    const name = (event: string) => quoteName(`import_journal_${table}_${event}`);
    const on = `main.${quoteName(table)}`;
    statements.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name('insert')} AFTER INSERT ON ${on} ${when}
       BEGIN ${record('NULL', json('NEW'), 'NEW.rowid')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name('update')} AFTER UPDATE ON ${on} ${when}
       BEGIN ${record(json('OLD'), json('NEW'), 'NEW.rowid')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${name('delete')} AFTER DELETE ON ${on} ${when}
       BEGIN ${record(json('OLD'), 'NULL', 'OLD.rowid')} END`,
    );
  }
  for (const statement of statements) sqlite.exec(statement);
  installed.add(sqlite);
}

/**
 * Journals what `write` changes as part of `runId`, in the caller's transaction: the flag is set and
 * cleared inside it, so a batch that fails leaves the flag as rolled back as its rows.
 */
export function journaled<T>(sqlite: Database.Database, runId: number, write: () => T): T {
  installJournal(sqlite);
  sqlite.prepare('INSERT INTO temp.import_capture (run_id) VALUES (?)').run(runId);
  try {
    return write();
  } finally {
    sqlite.prepare('DELETE FROM temp.import_capture').run();
  }
}
