import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Opens a database file with plain better-sqlite3 (not the engine), runs `read`, and closes it. */
export function withSqliteFile<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

export function pragmaOf(sqlite: Database.Database, name: string): unknown {
  return sqlite.pragma(name, { simple: true });
}

/** The file's exact bytes, to prove a refused file was not touched. */
export function fileDigest(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

interface AuditRow {
  username: string;
  action: string;
  entity: string;
  entity_key: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

export function auditRows(sqlite: Database.Database): AuditRow[] {
  return sqlite
    .prepare('SELECT username, action, entity, entity_key, before, after, detail FROM audit_log ORDER BY id')
    .all() as AuditRow[];
}
