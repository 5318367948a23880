import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { sourceMigrationsFolder } from '../../../src/engine';
import { ledgerApplicationId } from '../../../src/engine/db/connection';
import { shippedMigrations } from './ledger';

/** A migrations folder as an earlier release shipped it: the first `count` of today's migrations. */
export function releaseMigrations(folder: string, count: number): string {
  const journal = JSON.parse(
    fs.readFileSync(path.join(sourceMigrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  const target = path.join(folder, `migrations-v${count}`);
  fs.mkdirSync(path.join(target, 'meta'), { recursive: true });
  for (const { tag } of shippedMigrations().slice(0, count)) {
    fs.copyFileSync(path.join(sourceMigrationsFolder, `${tag}.sql`), path.join(target, `${tag}.sql`));
  }
  fs.writeFileSync(
    path.join(target, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }, null, 2),
  );
  return target;
}

/** How many migrations were shipped before the one whose tag ends with `name`. */
export function migrationsBefore(name: string): number {
  const index = shippedMigrations().findIndex((migration) => migration.tag.endsWith(name));
  if (index < 0) throw new Error(`no shipped migration is named ${name}`);
  return index;
}

/**
 * A ledger file as an earlier release left it: the schema of `migrationsFolder` (applied by drizzle's
 * migrator, as that release did) holding the rows of `source`, a file today's app wrote, in the columns that
 * schema has. Today's app cannot write an older schema itself: its writers name today's columns.
 */
export function olderLedgerFile(source: string, target: string, migrationsFolder: string): void {
  const sqlite = new Database(target);
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    // Tables are copied in name order, not in the order their references need (a migration may have
    // turned the check on).
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('ATTACH DATABASE ? AS source').run(source);
    const tables = sqlite
      .prepare(
        "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .pluck()
      .all() as string[];
    // The schema as the pragma's second argument: `source.pragma_table_info(…)` reads main's table.
    const columnsOf = (schema: string, table: string) =>
      sqlite.prepare('SELECT name FROM pragma_table_info(?, ?)').pluck().all(table, schema) as string[];
    for (const table of tables) {
      const theirs = new Set(columnsOf('source', table));
      const columns = columnsOf('main', table).filter((column) => theirs.has(column));
      if (columns.length === 0) continue;
      const list = columns.map((column) => `"${column}"`).join(', ');
      // OR REPLACE: rows a migration seeded (upload_table_versions) are the source's as it has them.
      sqlite.exec(`INSERT OR REPLACE INTO main."${table}" (${list}) SELECT ${list} FROM source."${table}"`);
    }
    sqlite.exec('DETACH DATABASE source');
    sqlite.pragma(`application_id = ${ledgerApplicationId}`);
    const { entries } = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    sqlite.pragma(`user_version = ${entries.length}`);
  } finally {
    sqlite.close();
  }
}
