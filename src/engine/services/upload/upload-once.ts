import type Database from 'better-sqlite3';

const running = new WeakMap<Database.Database, Promise<unknown>>();

/**
 * One upload run at a time per ledger: the timer's and a person's 立即上传 share the run in progress
 * rather than sending the same package twice at once.
 */
export function uploadOnce<T>(sqlite: Database.Database, run: () => Promise<T>): Promise<T> {
  const current = running.get(sqlite);
  if (current) return current as Promise<T>;
  const started = run().finally(() => running.delete(sqlite));
  running.set(sqlite, started);
  return started;
}
