import Database from 'better-sqlite3';
import { LedgerError } from '../../shared/ledger-error';

/** `quick`: at every start (O(pages), skips matching indexes to rows); `full`: on demand, and on every backup copy. */
export type IntegrityDepth = 'quick' | 'full';

/** How many of SQLite's findings a message names: the first few say what is wrong; the rest is the same story. */
const namedProblems = 5;

/**
 * SQLite's own check of a database file: every page, b-tree and (when `full`) index entry. An empty list is
 * a sound file. A file too damaged to check at all (its header or schema unreadable) is one problem too.
 */
export function integrityProblems(sqlite: Database.Database, depth: IntegrityDepth): string[] {
  try {
    const rows = sqlite.pragma(depth === 'quick' ? 'quick_check(100)' : 'integrity_check(100)') as Record<
      string,
      string
    >[];
    const findings = rows.map((row) => Object.values(row)[0] ?? '');
    return findings.length === 1 && findings[0] === 'ok' ? [] : findings;
  } catch (error) {
    if (isDamageError(error)) return [(error as Error).message];
    throw error;
  }
}

/** SQLite's own word that the file is damaged or not a database (SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes). */
export function isDamageError(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ)/.test(error.code)
  );
}

/** The clerk's message for a damaged file: which file, what SQLite found first, and what to do. */
export function damagedDatabaseError(file: string, problems: string[]): LedgerError {
  const named = problems.slice(0, namedProblems).join('；');
  const more = problems.length > namedProblems ? ` 等 ${problems.length} 处问题` : '';
  return new LedgerError(
    'DATABASE_DAMAGED',
    `数据库文件 ${file} 已损坏（${named}${more}），未作任何修改。请用最近的备份恢复（命令行：ledger restore --from 备份文件）。`,
    { file, problems },
  );
}
