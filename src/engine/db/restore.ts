import Database from 'better-sqlite3';
import { LedgerError } from '../../shared/ledger-error';

/** Pages copied per step once the live file is locked: all of them, so the lock is held for one copy only. */
const allPages = 0x7fffffff;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts the content of a checked ledger file (`source`) into the live ledger file, as one write transaction
 * on it, with SQLite's backup API pointed the other way. Not by renaming a file over the live one: another
 * program (a second copy of the app) may have the live file open, and on Linux or macOS it would go on
 * writing into the replaced file, which no one will ever read again (on Windows the rename simply fails).
 * Written through SQLite, the restore is one commit every connection sees whole, after the writes before it.
 *
 * `whileLocked` runs once the live file's write lock is held and before anything is copied: what it reads of
 * the live file is its last state, and no other program can post between that and the restore. A restore
 * keeps the current ledger aside there, so nothing posted before the restore is lost.
 *
 * The backup API's own connection to the live file has no busy timeout, and better-sqlite3 ends a backup that
 * found the file locked as if it were done: the lock is taken as soon as `whileLocked` runs, and retried, up to
 * `busyTimeoutMs`, until it does.
 */
export async function copyIntoLiveFile(
  source: string,
  livePath: string,
  options: { busyTimeoutMs: number; whileLocked: () => void },
): Promise<void> {
  const deadline = Date.now() + options.busyTimeoutMs;
  const copy = new Database(source, { readonly: true, fileMustExist: true });
  try {
    for (;;) {
      let locked = false;
      const progress = await copy.backup(livePath, {
        progress: () => {
          if (!locked) {
            locked = true;
            options.whileLocked();
          }
          return allPages;
        },
      });
      if (locked && progress.remainingPages === 0) return;
      if (Date.now() >= deadline) {
        throw new LedgerError('BUSY', '另一个程序正在写入账簿，恢复未进行，账簿未作改动。请稍后重试。');
      }
      await sleep(25);
    }
  } finally {
    copy.close();
  }
}
